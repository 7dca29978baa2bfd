/** The file store on disk, content-type detection and the metadata rows. */
@NullMarked
package vn.partywork.document.internal;

import org.jspecify.annotations.NullMarked;
