package vn.partywork.access;

import java.util.Optional;
import vn.partywork.shared.AccessScope;

/**
 * Implemented (as a Spring bean) by each module whose records can be shared with named accounts
 * (P-AZ-2): documents today, inspection dossiers later. One implementation per {@link #kind()}.
 */
public interface ShareableRecords {

    /** The record kind this bean answers for, as stored with the shares (e.g. {@code document}). */
    String kind();

    /** The record, whoever asks, or empty when it does not exist. */
    Optional<SharedRecord> find(String recordId);

    /**
     * True when the caller reaches the record through their own grants, without any share (the
     * "owner side": they may see the record's shares and its comment thread).
     */
    boolean visibleWithoutShare(AccessScope scope, SharedRecord record);
}
