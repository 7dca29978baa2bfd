/** Persistence of grants. */
@NullMarked
package vn.partywork.access.internal;

import org.jspecify.annotations.NullMarked;
