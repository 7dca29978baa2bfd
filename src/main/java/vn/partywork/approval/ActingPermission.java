package vn.partywork.approval;

/** Which grant lets a caller act on a step at its acting organisation (chain data, P-WF-1). */
public enum ActingPermission {
    /** A committee leader (APPROVE), or the organisation staff or cell secretary who keep the data (WRITE). */
    APPROVE_OR_WRITE,
    /** Only the head of the unit: a holder of APPROVE (seed 002 Đ12.7 for correction requests). */
    APPROVE
}
