package vn.partywork.access;

/** A record shared with the caller, as its module describes it, with the share that opens it. */
public record ReceivedShare(ShareView share, SharedRecord record) {}
