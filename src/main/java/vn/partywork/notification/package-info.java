/**
 * Notifications (P-WF-1 alerts): the in-app notification centre of each account, raised when an
 * approval step waits for someone, is due soon or overdue, or a request is returned, rejected or
 * completed; optionally also sent by e-mail through a configured SMTP server.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "approval"})
@NullMarked
package vn.partywork.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
