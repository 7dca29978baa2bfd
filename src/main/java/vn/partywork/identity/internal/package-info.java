/** Accounts, passwords, lock-out and tokens: persistence and rules behind the identity API. */
@NullMarked
package vn.partywork.identity.internal;

import org.jspecify.annotations.NullMarked;
