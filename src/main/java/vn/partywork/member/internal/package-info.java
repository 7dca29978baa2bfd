/** Persistence, rules and the approval listener of the member module. */
@NullMarked
package vn.partywork.member.internal;

import org.jspecify.annotations.NullMarked;
