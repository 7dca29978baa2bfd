package vn.partywork.org;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.Permission;

/**
 * Each test builds its own province under the root with unique codes, so tests do not depend on
 * each other or on demo data. The root is the demo's when there is one.
 */
class OrgFixture {

    /** Every fixture date is on or after this day; the root must be older. */
    static final LocalDate BASE = LocalDate.of(2015, 1, 1);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final OrgRestructuring restructuring;
    final OrgStructure structure;
    final JdbcClient jdbc;
    final OrgSummary root;
    final AccessScope system;

    OrgFixture(
            OrgRestructuring restructuring,
            OrgStructure structure,
            OrgSeeding seeding,
            OrgDirectory directory,
            JdbcClient jdbc) {
        this.restructuring = restructuring;
        this.structure = structure;
        this.jdbc = jdbc;
        synchronized (OrgFixture.class) {
            this.root = directory
                    .root()
                    .orElseGet(() -> seeding.establishRoot(
                            "TW",
                            "Ban Chấp hành Trung ương Đảng",
                            new Decision("01-NQ/TW", LocalDate.of(1930, 2, 3), "Hội nghị thành lập Đảng"),
                            LocalDate.of(1930, 2, 3)));
        }
        this.system = seeding.seedingScope(root.path());
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
    }

    static Decision decision(LocalDate date) {
        return new Decision("QĐ-" + SEQUENCE.incrementAndGet() + "/TU", date, "Ban Thường vụ Tỉnh ủy");
    }

    static LocalDate day(int daysAfterBase) {
        return BASE.plusDays(daysAfterBase);
    }

    OrgSummary province(String name) {
        return restructuring.establish(
                system,
                new EstablishOrganisation(root.id(), unique("T"), name, OrgKind.PROVINCE, decision(BASE), BASE, null));
    }

    OrgSummary establish(OrgSummary parent, String code, String name, OrgKind kind, LocalDate on) {
        return restructuring.establish(
                system, new EstablishOrganisation(parent.id(), code, name, kind, decision(on), on, null));
    }

    static AccessScope writer(OrgSummary org) {
        return scope(org, EnumSet.of(Permission.READ, Permission.WRITE));
    }

    static AccessScope reader(OrgSummary org) {
        return scope(org, EnumSet.of(Permission.READ));
    }

    private static AccessScope scope(OrgSummary org, Set<Permission> permissions) {
        return new AccessScope(
                42,
                "tester",
                List.of(new AccessScope.Entry(
                        1,
                        org.path(),
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        permissions)));
    }

    /** Rows in the version, change and participant tables: a refusal must leave them as they were. */
    long rows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM org.organisation_version) + (SELECT count(*) FROM org.structural_change)
                     + (SELECT count(*) FROM org.change_participant) + (SELECT count(*) FROM org.organisation)
                """).query(Long.class).single();
    }

    List<String> childCodes(OrgSummary parent, LocalDate day) {
        return structure.children(system, parent.id(), day).stream()
                .map(n -> n.org().code())
                .toList();
    }
}
