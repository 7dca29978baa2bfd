package vn.partywork.notification.internal;

/** A notification was stored with an e-mail to send: the delivery sends it after the commit. */
public record NotificationRaised(long notificationId) {}
