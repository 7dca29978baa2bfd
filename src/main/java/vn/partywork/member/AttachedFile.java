package vn.partywork.member;

/** A file a person uploads for a member record (a decision, a scanned page): its name and bytes. */
public record AttachedFile(String name, byte[] content) {}
