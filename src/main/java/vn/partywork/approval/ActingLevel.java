package vn.partywork.approval;

/**
 * Which organisation acts on a step, relative to the subject organisation of the request, resolved
 * from the subject's current path when the step becomes current.
 */
public enum ActingLevel {
    /** The subject's cell: the subject organisation itself, which must be a cell (chi bộ). */
    SUBJECT_CELL,
    /** The subject organisation itself, whatever its kind (the agency that manages a cadre). */
    SUBJECT_ORG,
    /** The nearest grassroots committee or grassroots cell at or above the subject. */
    GRASSROOTS,
    /** The level above the grassroots: the nearest upper-grassroots committee or province above it. */
    UPPER
}
