package vn.partywork.document;

import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;

/**
 * Implemented (as a Spring bean) by each module whose records own files: it says whether the caller
 * may see the owning record, and so its files. One implementation per {@link #ownerType()}.
 */
public interface DocumentOwners {

    /** The owner type this bean answers for, as stored with the files (e.g. {@code approval_request}). */
    String ownerType();

    /** True when the caller may see the record {@code ownerId} of this type (and therefore its files). */
    boolean canRead(AccessScope scope, String ownerId);

    /**
     * P-CL-1: the highest classification this module keeps; files above it are refused
     * ({@code document.classification.aboveCeiling}). The module ceilings are in
     * {@link ModuleCeilings}; the default is Mật.
     */
    default Classification ceiling() {
        return ModuleCeilings.DEFAULT;
    }
}
