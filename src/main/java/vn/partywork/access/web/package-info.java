/** The AccessScope argument resolver, the grants pages and API, and GET /api/v1/me. */
@NullMarked
package vn.partywork.access.web;

import org.jspecify.annotations.NullMarked;
