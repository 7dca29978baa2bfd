package vn.partywork.document;

/** A file read back, its SHA-256 checked against the one recorded at upload. */
public record DocumentContent(DocumentInfo info, byte[] bytes) {}
