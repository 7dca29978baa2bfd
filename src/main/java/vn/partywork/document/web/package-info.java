/** Downloads of stored files, for pages and over the API. */
@NullMarked
package vn.partywork.document.web;

import org.jspecify.annotations.NullMarked;
