/** Security filter chains, login and password pages, account administration pages and API. */
@NullMarked
package vn.partywork.identity.web;

import org.jspecify.annotations.NullMarked;
