package vn.partywork.org;

/**
 * An organisation and its whole subtree moved to another place in the tree (P-ORG-2: chuyển giao,
 * or the children carried along by chia tách / hợp nhất / sáp nhập): every current organisation
 * whose path was {@code oldPath} or lay under it now has {@code newPath} in its place. The ids stay.
 * Published inside the restructuring's transaction, so a module that keeps a copy of paths (the
 * member search keeps each member's cell path) can follow in a synchronous listener and commit or
 * roll back with the move.
 *
 * @param structuralChangeId the {@code org.structural_change} row of the move
 */
public record OrganisationMoved(long orgId, String oldPath, String newPath, long structuralChangeId) {}
