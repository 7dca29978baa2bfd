package vn.partywork.org;

/** An organisation named as it was at the moment a change was recorded. */
public record OrgRef(long id, String code, String name) {}
