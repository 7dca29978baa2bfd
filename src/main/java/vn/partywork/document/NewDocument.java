package vn.partywork.document;

import vn.partywork.shared.Classification;

/**
 * A file to store for a record: the owning record in its module's names, the name the uploader's
 * computer gave it, its bytes and its classification.
 */
public record NewDocument(
        String ownerType, String ownerId, String originalName, byte[] content, Classification classification) {}
