package vn.partywork.audit.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Permission;

/** Scopes the tests act under. */
final class AuditFixture {

    private AuditFixture() {}

    /** What the access module gives the auditor role: entries with AUDIT only. */
    static AccessScope auditor() {
        return new AccessScope(
                900,
                "kiemtoan",
                List.of(new AccessScope.Entry(
                        90, "1", Set.of(), Classification.UNCLASSIFIED, EnumSet.of(Permission.AUDIT))));
    }

    static AccessScope clerk() {
        return new AccessScope(
                901,
                "canbo.tochuc",
                List.of(new AccessScope.Entry(
                        91,
                        "1",
                        Set.of(),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ, Permission.WRITE))));
    }
}
