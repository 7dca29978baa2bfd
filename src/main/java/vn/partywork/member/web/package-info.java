/** Member pages (search, record, forms, self-service) and the JSON API. */
@NullMarked
package vn.partywork.member.web;

import org.jspecify.annotations.NullMarked;
