package vn.partywork.security;

import static vn.partywork.security.Principal.AGGREGATE_VIEWER;
import static vn.partywork.security.Principal.ANONYMOUS;
import static vn.partywork.security.Principal.AUDITOR;
import static vn.partywork.security.Principal.CELL_SECRETARY;
import static vn.partywork.security.Principal.CENTRAL_STAFF;
import static vn.partywork.security.Principal.COMMITTEE_LEADER;
import static vn.partywork.security.Principal.LOW_CEILING;
import static vn.partywork.security.Principal.MEMBER;
import static vn.partywork.security.Principal.ORG_ADMIN;
import static vn.partywork.security.Principal.ORG_STAFF;
import static vn.partywork.security.Principal.SHARE_GRANTEE;
import static vn.partywork.security.Principal.SYSTEM_ADMIN;
import static vn.partywork.security.Principal.VIEWER;

import java.util.EnumSet;
import java.util.Set;

/**
 * The access rules of the endpoint table, each with the principals it lets through for a record
 * inside their scope (the in-scope samples lie in Chi bộ Hàng Bạc, Hà Nội; per-account records
 * belong to {@code hn.tochuc}). Everyone else is refused: 401 (API) or a redirect to the login page
 * when not signed in, otherwise 403 or 404. Out-of-scope and missing ids are refused for everyone
 * but the whole-tree and account-manager principals the rule names.
 */
enum Rule {
    PUBLIC("anonymous (no sign-in)", EnumSet.allOf(Principal.class)),
    SIGNED_IN("any signed-in account", allBut(ANONYMOUS)),
    ACCOUNT_MANAGER("SYSTEM_ADMIN; ORG_ADMIN for the accounts of its subtree", EnumSet.of(SYSTEM_ADMIN, ORG_ADMIN)),
    POSITION_MANAGER(
            "SYSTEM_ADMIN; ORG_ADMIN managing both the account and its new unit (P-ID-5: the account's"
                    + " grants then wait for review)",
            EnumSet.of(SYSTEM_ADMIN, ORG_ADMIN)),
    SYSTEM_ADMIN_ONLY("SYSTEM_ADMIN only", EnumSet.of(SYSTEM_ADMIN)),
    BUSINESS_USER(
            "any signed-in account except SYSTEM_ADMIN; lists, forms and own items, filtered by the caller's scope",
            allBut(ANONYMOUS, SYSTEM_ADMIN)),
    MEMBER_AREA(
            "any signed-in account except SYSTEM_ADMIN and an aggregate-only one (403 access.aggregateOnly,"
                    + " P-AZ-3); lists, forms and own items, filtered by the caller's scope",
            allBut(ANONYMOUS, SYSTEM_ADMIN, AGGREGATE_VIEWER)),
    RECORD_CREATOR(
            "WRITE somewhere (those who create and share records; 403 auth.forbidden for the others)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, CELL_SECRETARY, LOW_CEILING, SHARE_GRANTEE)),
    REQUESTER_OR_OWNER(
            "the requester, or the data owner of the requested database (Ban Tổ chức Trung ương)",
            EnumSet.of(ORG_STAFF, CENTRAL_STAFF)),
    PROPOSER(
            "WRITE on ORGANISATION_MEMBER in scope, or the member's own record (MEMBER account)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, CELL_SECRETARY, LOW_CEILING)),
    OWN_ITEM(
            "the caller's own item only (any account except SYSTEM_ADMIN); another account's id answers 404",
            EnumSet.of(ORG_STAFF)),
    ORG_READ(
            "READ on ORGANISATION_MEMBER in scope (a MEMBER account: its own cell)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, MEMBER, LOW_CEILING)),
    ORG_WRITE(
            "WRITE on ORGANISATION_MEMBER in scope", EnumSet.of(CENTRAL_STAFF, ORG_STAFF, CELL_SECRETARY, LOW_CEILING)),
    MEMBER_READ(
            "READ on ORGANISATION_MEMBER in scope (member records)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, LOW_CEILING)),
    MEMBER_WRITE(
            "WRITE on ORGANISATION_MEMBER in scope (member records)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, CELL_SECRETARY, LOW_CEILING)),
    TRANSFER_ISSUER(
            "WRITE on ORGANISATION_MEMBER at the grassroots committee or above (not a cell secretary)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, LOW_CEILING)),
    MEMBER_STATS(
            "READ or AGGREGATE on ORGANISATION_MEMBER in scope (an aggregate-only grant: statistics with"
                    + " small counts hidden, P-AZ-3)",
            EnumSet.of(
                    CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, LOW_CEILING, AGGREGATE_VIEWER)),
    FILE_READER(
            "staff who see the owning record within their ceiling, or an active grantee of a share of the"
                    + " file at READ or above (P-AZ-2)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, LOW_CEILING, SHARE_GRANTEE)),
    FILE_OWNER_SIDE(
            "staff who see the owning record within their ceiling (a grantee does not see the other shares)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, LOW_CEILING)),
    FILE_COMMENTER(
            "staff who see the owning record, or an active grantee at COMMENT or above (a READ grantee:"
                    + " 403 document.share.levelTooLow)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, LOW_CEILING)),
    FILE_UPLOADER(
            "the file's uploader (the sample file's: hn.tochuc); the rest of the owner side 403"
                    + " access.share.notCreator, anyone else 404",
            EnumSet.of(ORG_STAFF)),
    FILE_EDITOR(
            "the file's uploader, or an active grantee at EDIT (the rest of the owner side: 403"
                    + " document.edit.forbidden; a grantee below EDIT: 403 document.share.levelTooLow)",
            EnumSet.of(ORG_STAFF)),
    MEMBER_SELF("own member record (MEMBER account)", EnumSet.of(MEMBER)),
    APPROVAL_PARTY(
            "the submitter, or READ/APPROVE in the subject organisation's scope (the matrix's sample is"
                    + " the MEMBER's own proposal about its record)",
            EnumSet.of(CENTRAL_STAFF, ORG_STAFF, COMMITTEE_LEADER, CELL_SECRETARY, VIEWER, MEMBER, LOW_CEILING)),
    APPROVE("APPROVE in scope at the request's open step (COMMITTEE_LEADER)", EnumSet.of(COMMITTEE_LEADER)),
    AUDIT("AUDIT permission (auditor)", EnumSet.of(AUDITOR)),
    CENTRAL_WRITE("WRITE at the root of the tree (Ban Tổ chức Trung ương)", EnumSet.of(CENTRAL_STAFF)),
    DATA_OWNER(
            "the data owner of the requested database (WRITE at the root: Ban Tổ chức Trung ương)",
            EnumSet.of(CENTRAL_STAFF));

    final String description;
    final Set<Principal> allowed;

    Rule(String description, Set<Principal> allowed) {
        this.description = description;
        this.allowed = allowed;
    }

    private static EnumSet<Principal> all() {
        return EnumSet.allOf(Principal.class);
    }

    private static Set<Principal> allBut(Principal... excluded) {
        EnumSet<Principal> set = all();
        for (Principal p : excluded) {
            set.remove(p);
        }
        return set;
    }
}
