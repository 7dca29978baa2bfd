package vn.partywork.org;

/** How an organisation took part in a structural change (table {@code org.change_participant}). */
public enum ChangeRole {
    /** Established, renamed, transferred or dissolved. */
    SUBJECT,
    /** Split, merged into a new organisation, or absorbed; closed by the change. */
    SOURCE,
    /** Established by a split or a merge. */
    SUCCESSOR,
    /** The existing organisation that absorbed another. */
    TARGET,
    /** A child of a source that moved under a successor or the target. */
    CHILD_MOVED,
    /**
     * Moved with an ancestor (the transferred organisation, or a moved child) without a change of
     * its own parent; only the organisation's own timeline shows it.
     */
    DESCENDANT_MOVED
}
