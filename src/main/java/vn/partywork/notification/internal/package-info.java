/** Storage of notifications and e-mail addresses, the approval listeners, the daily job and the e-mail delivery. */
@NullMarked
package vn.partywork.notification.internal;

import org.jspecify.annotations.NullMarked;
