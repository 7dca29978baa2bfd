package vn.partywork.document;

import vn.partywork.shared.Classification;

/**
 * P-CL-1: the classification ceiling of each module, which its {@link DocumentOwners#ceiling()}
 * returns (seed 000 Đ5.5, Đ6.1; seed 001 Đ2.1). Stored files at Mật and above are encrypted.
 */
public final class ModuleCeilings {

    /** Inspection dossiers: up to Mật; Tối mật and Tuyệt mật are refused (seed 000 Đ5.5). */
    public static final Classification INSPECTION = Classification.CONFIDENTIAL;

    /** Complaint and denunciation letters: up to Tối mật (seed 001 Đ2.1). */
    public static final Classification LETTER = Classification.SECRET;

    /**
     * The party member database: up to Mật. Decision (issue 6 item 5): a member's dossier holds
     * personal data kept as Mật at most; anything more secret about a person belongs to the
     * political-protection database, which keeps its own ceiling.
     */
    public static final Classification MEMBER = Classification.CONFIDENTIAL;

    /** Every other owner (e.g. evidence of correction requests): up to Mật. */
    public static final Classification DEFAULT = Classification.CONFIDENTIAL;

    private ModuleCeilings() {}
}
