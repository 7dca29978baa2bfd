package vn.partywork.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partywork.org.OrgFixture.day;
import static vn.partywork.org.OrgFixture.decision;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

@PartyworkTest
class OrgRestructuringTests {

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    OrgStructure structure;

    @Autowired
    OrgSeeding seeding;

    @Autowired
    OrgDirectory directory;

    @Autowired
    JdbcClient jdbc;

    OrgFixture fx;
    OrgSummary province;
    AccessScope scope;

    @BeforeEach
    void setUp() {
        fx = new OrgFixture(restructuring, structure, seeding, directory, jdbc);
        province = fx.province(OrgFixture.unique("Tỉnh ủy thử nghiệm"));
        scope = OrgFixture.writer(province);
    }

    @Test
    void establishedOrganisationExistsFromItsEffectiveDateOnly() {
        OrgSummary district = fx.establish(province, "H01", "Huyện ủy Đông Anh", OrgKind.UPPER_GRASSROOTS, day(60));

        assertThat(fx.childCodes(province, day(59))).isEmpty();
        assertThat(fx.childCodes(province, day(60))).containsExactly("H01");
        assertThat(district.path()).isEqualTo(province.path() + "." + district.id());
        assertThat(structure.history(scope, district.id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StructuralChangeKind.ESTABLISH);
            assertThat(e.role()).isEqualTo(ChangeRole.SUBJECT);
            assertThat(e.effectiveOn()).isEqualTo(day(60));
            assertThat(e.subjects().get(0).newParent().id()).isEqualTo(province.id());
        });
    }

    @Test
    void renameKeepsTheOldNameForEarlierDates() {
        OrgSummary district = fx.establish(province, "H01", "Huyện ủy Từ Liêm", OrgKind.UPPER_GRASSROOTS, day(10));

        OrgSummary renamed = restructuring.rename(
                scope,
                new RenameOrganisation(
                        district.id(),
                        "Quận ủy Bắc Từ Liêm",
                        "q01",
                        decision(day(400)),
                        day(400),
                        "Theo Nghị quyết 132/NQ-CP"));

        assertThat(renamed.code()).isEqualTo("q01");
        assertThat(structure.organisation(scope, district.id(), day(399)).org().name())
                .isEqualTo("Huyện ủy Từ Liêm");
        OrgDetails now = structure.organisation(scope, district.id(), null);
        assertThat(now.org().name()).isEqualTo("Quận ủy Bắc Từ Liêm");
        assertThat(now.establishedOn()).isEqualTo(day(10));
        assertThat(now.validFrom()).isEqualTo(day(400));
        OrgHistoryEntry latest = structure.history(scope, district.id()).get(0);
        assertThat(latest.kind()).isEqualTo(StructuralChangeKind.RENAME);
        assertThat(latest.note()).isEqualTo("Theo Nghị quyết 132/NQ-CP");
        assertThat(latest.subjects().get(0).previousName()).isEqualTo("Huyện ủy Từ Liêm");
        assertThat(latest.subjects().get(0).previousCode()).isEqualTo("H01");
        assertThat(latest.recordedBy()).isEqualTo("tester");
    }

    @Test
    void renameIsAudited() {
        OrgSummary district = fx.establish(province, "H01", "Huyện ủy Gia Lâm", OrgKind.UPPER_GRASSROOTS, day(10));

        restructuring.rename(
                scope,
                new RenameOrganisation(district.id(), "Quận ủy Long Biên", null, decision(day(20)), day(20), null));

        var event =
                jdbc.sql("""
                SELECT action, basis, changes -> 'name' ->> 'old' AS old_name, changes -> 'name' ->> 'new' AS new_name,
                       actor_identifier
                  FROM audit.event
                 WHERE target_type = 'organisation' AND target_id = :id
                 ORDER BY seq DESC LIMIT 1
                """).param("id", String.valueOf(district.id())).query().singleRow();
        assertThat(event.get("action")).isEqualTo("UPDATE");
        assertThat(event.get("old_name")).isEqualTo("Huyện ủy Gia Lâm");
        assertThat(event.get("new_name")).isEqualTo("Quận ủy Long Biên");
        assertThat((String) event.get("basis")).startsWith("Quyết định số QĐ-");
        assertThat(event.get("actor_identifier")).isEqualTo("tester");
    }

    @Test
    void transferMovesTheWholeSubtreeAndKeepsTheOldTreeForEarlierDates() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary b = fx.establish(province, "B", "Huyện ủy B", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary cell = fx.establish(g, "C1", "Chi bộ thôn 1", OrgKind.CELL, day(3));

        OrgSummary moved = restructuring.transfer(
                scope, new TransferOrganisation(g.id(), b.id(), decision(day(100)), day(100), null));

        assertThat(moved.path()).isEqualTo(b.path() + "." + g.id());
        assertThat(fx.childCodes(a, day(99))).containsExactly("G");
        assertThat(fx.childCodes(a, day(100))).isEmpty();
        assertThat(fx.childCodes(b, day(100))).containsExactly("G");
        assertThat(directory.current(cell.id()).orElseThrow().path())
                .isEqualTo(b.path() + "." + g.id() + "." + cell.id());
        assertThat(structure.organisation(scope, cell.id(), day(99)).ancestors())
                .extracting(OrgSummary::code)
                .endsWith("A", "G");
        assertThat(structure.organisation(scope, cell.id(), day(100)).ancestors())
                .extracting(OrgSummary::code)
                .endsWith("B", "G");
        OrgHistoryEntry entry = structure.history(scope, g.id()).get(0);
        assertThat(entry.kind()).isEqualTo(StructuralChangeKind.TRANSFER);
        assertThat(entry.subjects().get(0).previousParent().code()).isEqualTo("A");
        assertThat(entry.subjects().get(0).newParent().code()).isEqualTo("B");
    }

    @Test
    void transferUnderItsOwnDescendantIsRefusedAndChangesNothing() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        long before = fx.rows();

        assertRefused(
                () -> restructuring.transfer(
                        scope, new TransferOrganisation(a.id(), g.id(), decision(day(50)), day(50), null)),
                "org.transfer.intoOwnSubtree");
        assertRefused(
                () -> restructuring.transfer(
                        scope, new TransferOrganisation(a.id(), a.id(), decision(day(50)), day(50), null)),
                "org.transfer.intoOwnSubtree");
        assertThat(fx.rows()).isEqualTo(before);
    }

    @Test
    void transferChecksTheKindAgainstTheNewParent() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary b = fx.establish(province, "B", "Huyện ủy B", OrgKind.UPPER_GRASSROOTS, day(1));
        long before = fx.rows();

        assertRefused(
                () -> restructuring.transfer(
                        scope, new TransferOrganisation(b.id(), g.id(), decision(day(50)), day(50), null)),
                "org.kind.notAllowedUnder");
        assertThat(fx.rows()).isEqualTo(before);
    }

    @Test
    void splitEstablishesSuccessorsAndMovesEachChildToItsAssignedSuccessor() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary c1 = fx.establish(g, "C1", "Chi bộ 1", OrgKind.CELL, day(3));
        OrgSummary c2 = fx.establish(g, "C2", "Chi bộ 2", OrgKind.CELL, day(3));
        OrgSummary c3 = fx.establish(g, "C3", "Chi bộ 3", OrgKind.CELL, day(3));

        List<OrgSummary> successors = restructuring.split(
                scope,
                new SplitOrganisation(
                        g.id(),
                        List.of(
                                new SplitOrganisation.Successor(
                                        "G", "Đảng ủy xã G Bắc", null, List.of(c1.id(), c2.id())),
                                new SplitOrganisation.Successor(
                                        "GN", "Đảng ủy xã G Nam", OrgKind.GRASSROOTS_COMMITTEE, List.of(c3.id()))),
                        decision(day(200)),
                        day(200),
                        null));

        assertThat(successors).extracting(OrgSummary::name).containsExactly("Đảng ủy xã G Bắc", "Đảng ủy xã G Nam");
        assertThat(fx.childCodes(a, day(199))).containsExactly("G");
        assertThat(structure.children(scope, a.id(), day(199)).get(0).org().id())
                .isEqualTo(g.id());
        assertThat(fx.childCodes(a, day(200))).containsExactly("G", "GN");
        assertThat(fx.childCodes(successors.get(0), day(200))).containsExactly("C1", "C2");
        assertThat(fx.childCodes(successors.get(1), day(200))).containsExactly("C3");
        assertThat(directory.current(g.id())).isEmpty();
        OrgDetails old = structure.organisation(scope, g.id(), day(199));
        assertThat(old.dissolvedOn()).isEqualTo(day(200));
        assertThat(old.childCount()).isEqualTo(3);
        OrgHistoryEntry entry = structure.history(scope, g.id()).get(0);
        assertThat(entry.kind()).isEqualTo(StructuralChangeKind.SPLIT);
        assertThat(entry.role()).isEqualTo(ChangeRole.SOURCE);
        assertThat(entry.successors()).hasSize(2);
        assertThat(entry.childrenMoved()).hasSize(3);
        assertThat(structure.history(scope, c3.id()).get(0).role()).isEqualTo(ChangeRole.CHILD_MOVED);
    }

    @Test
    void aTransferAppearsInTheHistoryOfEveryOrganisationBelowTheMovedOne() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary b = fx.establish(province, "B", "Huyện ủy B", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary c1 = fx.establish(g, "C1", "Chi bộ 1", OrgKind.CELL, day(3));
        OrgSummary part = fx.establish(g, "P", "Đảng bộ bộ phận P", OrgKind.PARTIAL_COMMITTEE, day(3));
        OrgSummary deep = fx.establish(part, "C9", "Chi bộ 9", OrgKind.CELL, day(4));

        restructuring.transfer(scope, new TransferOrganisation(g.id(), b.id(), decision(day(100)), day(100), null));

        for (OrgSummary below : List.of(c1, part, deep)) {
            OrgHistoryEntry moved = structure.history(scope, below.id()).get(0);
            assertThat(moved.kind()).isEqualTo(StructuralChangeKind.TRANSFER);
            assertThat(moved.role()).isEqualTo(ChangeRole.DESCENDANT_MOVED);
            assertThat(moved.effectiveOn()).isEqualTo(day(100));
            assertThat(moved.movedWith()).isEqualTo(new OrgRef(g.id(), "G", "Đảng ủy xã G"));
            assertThat(moved.subjects()).singleElement().satisfies(p -> {
                assertThat(p.previousParent().id()).isEqualTo(a.id());
                assertThat(p.newParent().id()).isEqualTo(b.id());
            });
        }
        // The transferred organisation's own entry does not list what moved with it.
        OrgHistoryEntry subject = structure.history(scope, g.id()).get(0);
        assertThat(subject.role()).isEqualTo(ChangeRole.SUBJECT);
        assertThat(subject.movedWith()).isNull();
        assertThat(subject.participants()).extracting(ChangeParticipant::role).containsOnly(ChangeRole.SUBJECT);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM org.change_participant
                 WHERE change_id = :change AND role = 'DESCENDANT_MOVED'
                """)
                        .param("change", subject.changeId())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // The first history entry of an unmoved sibling is still its establishment.
        assertThat(structure.history(scope, a.id()).get(0).kind()).isEqualTo(StructuralChangeKind.ESTABLISH);
    }

    @Test
    void childrenCarriedByASplitTakeTheirOwnSubtreesHistoryAlong() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary part = fx.establish(g, "P", "Đảng bộ bộ phận P", OrgKind.PARTIAL_COMMITTEE, day(3));
        OrgSummary deep = fx.establish(part, "C9", "Chi bộ 9", OrgKind.CELL, day(4));
        OrgSummary c3 = fx.establish(g, "C3", "Chi bộ 3", OrgKind.CELL, day(3));

        restructuring.split(
                scope,
                new SplitOrganisation(
                        g.id(),
                        List.of(
                                new SplitOrganisation.Successor("GB", "Đảng ủy xã G Bắc", null, List.of(part.id())),
                                new SplitOrganisation.Successor("GN", "Đảng ủy xã G Nam", null, List.of(c3.id()))),
                        decision(day(200)),
                        day(200),
                        null));

        assertThat(structure.history(scope, part.id()).get(0).role()).isEqualTo(ChangeRole.CHILD_MOVED);
        OrgHistoryEntry carried = structure.history(scope, deep.id()).get(0);
        assertThat(carried.kind()).isEqualTo(StructuralChangeKind.SPLIT);
        assertThat(carried.role()).isEqualTo(ChangeRole.DESCENDANT_MOVED);
        assertThat(carried.movedWith().id()).isEqualTo(part.id());
        assertThat(structure.history(scope, g.id()).get(0).childrenMoved())
                .extracting(ChangeParticipant::orgId)
                .containsExactlyInAnyOrder(part.id(), c3.id());
    }

    @Test
    void splitRefusesAnUnassignedChildAndChangesNothing() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary c1 = fx.establish(g, "C1", "Chi bộ 1", OrgKind.CELL, day(3));
        fx.establish(g, "C2", "Chi bộ 2", OrgKind.CELL, day(3));
        long before = fx.rows();

        assertRefused(
                () -> restructuring.split(
                        scope,
                        new SplitOrganisation(
                                g.id(),
                                List.of(
                                        new SplitOrganisation.Successor("G1", "Xã G1", null, List.of(c1.id())),
                                        new SplitOrganisation.Successor("G2", "Xã G2", null, List.of())),
                                decision(day(200)),
                                day(200),
                                null)),
                "org.split.childNotAssigned");
        assertRefused(
                () -> restructuring.split(
                        scope,
                        new SplitOrganisation(
                                g.id(),
                                List.of(
                                        new SplitOrganisation.Successor("G1", "Xã G1", null, List.of(c1.id())),
                                        new SplitOrganisation.Successor("g1", "Xã G2", null, List.of())),
                                decision(day(200)),
                                day(200),
                                null)),
                "org.code.duplicate");
        assertThat(fx.rows()).isEqualTo(before);
        assertThat(fx.childCodes(a, fx.structure.today())).containsExactly("G");
    }

    @Test
    void mergeClosesTheSourcesAndMovesAllTheirChildrenUnderTheNewOrganisation() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary x = fx.establish(a, "X", "Đảng ủy xã X", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary y = fx.establish(a, "Y", "Đảng ủy xã Y", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        fx.establish(x, "X1", "Chi bộ X1", OrgKind.CELL, day(3));
        fx.establish(y, "Y1", "Chi bộ Y1", OrgKind.CELL, day(3));

        OrgSummary merged = restructuring.merge(
                scope,
                new MergeOrganisations(
                        List.of(x.id(), y.id()),
                        a.id(),
                        "X",
                        "Đảng ủy xã XY",
                        OrgKind.GRASSROOTS_COMMITTEE,
                        decision(day(300)),
                        day(300),
                        null));

        assertThat(fx.childCodes(a, day(299))).containsExactly("X", "Y");
        assertThat(structure.children(scope, a.id(), day(300)))
                .extracting(n -> n.org().id())
                .containsExactly(merged.id());
        assertThat(fx.childCodes(merged, day(300))).containsExactly("X1", "Y1");
        assertThat(directory.current(List.of(x.id(), y.id()))).isEmpty();
        OrgHistoryEntry entry = structure.history(scope, merged.id()).get(0);
        assertThat(entry.kind()).isEqualTo(StructuralChangeKind.MERGE);
        assertThat(entry.sources()).extracting(ChangeParticipant::code).containsExactly("X", "Y");
    }

    @Test
    void mergeRefusesChildrenWithClashingCodesAndChangesNothing() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary x = fx.establish(a, "X", "Đảng ủy xã X", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary y = fx.establish(a, "Y", "Đảng ủy xã Y", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        fx.establish(x, "CB1", "Chi bộ 1", OrgKind.CELL, day(3));
        fx.establish(y, "cb1", "Chi bộ 1", OrgKind.CELL, day(3));
        long before = fx.rows();

        assertRefused(
                () -> restructuring.merge(
                        scope,
                        new MergeOrganisations(
                                List.of(x.id(), y.id()),
                                a.id(),
                                "XY",
                                "Đảng ủy xã XY",
                                OrgKind.GRASSROOTS_COMMITTEE,
                                decision(day(300)),
                                day(300),
                                null)),
                "org.code.duplicate");
        assertThat(fx.rows()).isEqualTo(before);
    }

    @Test
    void absorbMovesTheChildrenUnderTheTargetAndClosesTheAbsorbedOrganisation() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary x = fx.establish(a, "X", "Đảng ủy xã X", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary y = fx.establish(a, "Y", "Đảng ủy xã Y", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        fx.establish(x, "X1", "Chi bộ X1", OrgKind.CELL, day(3));
        fx.establish(y, "Y1", "Chi bộ Y1", OrgKind.CELL, day(3));

        OrgSummary target =
                restructuring.absorb(scope, new AbsorbOrganisation(x.id(), y.id(), decision(day(500)), day(500), null));

        assertThat(target.id()).isEqualTo(y.id());
        assertThat(fx.childCodes(a, day(499))).containsExactly("X", "Y");
        assertThat(fx.childCodes(a, day(500))).containsExactly("Y");
        assertThat(fx.childCodes(y, day(499))).containsExactly("Y1");
        assertThat(fx.childCodes(y, day(500))).containsExactly("X1", "Y1");
        assertThat(structure.history(scope, y.id()).get(0).role()).isEqualTo(ChangeRole.TARGET);
    }

    @Test
    void dissolveIsRefusedWhileChildrenRemain() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Chi bộ cơ sở G", OrgKind.GRASSROOTS_CELL, day(2));
        long before = fx.rows();

        assertRefused(
                () -> restructuring.dissolve(scope, new DissolveOrganisation(a.id(), decision(day(50)), day(50), null)),
                "org.dissolve.hasChildren");
        assertThat(fx.rows()).isEqualTo(before);

        restructuring.dissolve(scope, new DissolveOrganisation(g.id(), decision(day(50)), day(50), null));

        assertThat(fx.childCodes(a, day(49))).containsExactly("G");
        assertThat(fx.childCodes(a, day(50))).isEmpty();
        assertRefused(() -> structure.organisation(scope, g.id(), null), "org.notFound");
        assertThat(structure.history(scope, g.id()).get(0).kind()).isEqualTo(StructuralChangeKind.DISSOLVE);
    }

    @Test
    void effectiveDateMayNotPrecedeTheParentNorLieInTheFuture() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(100));
        LocalDate tomorrow = structure.today().plusDays(1);
        long before = fx.rows();

        assertRefused(
                () -> fx.establish(a, "G", "Xã G", OrgKind.GRASSROOTS_COMMITTEE, day(99)),
                "org.effectiveDate.beforeParent");
        assertRefused(
                () -> restructuring.establish(
                        scope,
                        new EstablishOrganisation(
                                a.id(), "G", "Xã G", OrgKind.GRASSROOTS_COMMITTEE, decision(day(100)), tomorrow, null)),
                "org.effectiveDate.inFuture");
        assertRefused(
                () -> restructuring.establish(
                        scope,
                        new EstablishOrganisation(
                                a.id(), "G", "Xã G", OrgKind.GRASSROOTS_COMMITTEE, decision(tomorrow), day(100), null)),
                "org.decisionDate.inFuture");
        assertRefused(
                () -> restructuring.rename(
                        scope,
                        new RenameOrganisation(a.id(), "Huyện ủy A mới", null, decision(day(100)), day(100), null)),
                "org.effectiveDate.beforeCurrent");
        assertThat(fx.rows()).isEqualTo(before);
    }

    @Test
    void codesAreUniqueAmongCurrentSiblingsIgnoringCase() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary b = fx.establish(province, "B", "Huyện ủy B", OrgKind.UPPER_GRASSROOTS, day(1));
        fx.establish(a, "XA01", "Xã 1", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        long before = fx.rows();

        assertRefused(
                () -> fx.establish(a, "xa01", "Xã khác", OrgKind.GRASSROOTS_COMMITTEE, day(2)), "org.code.duplicate");
        assertThat(fx.rows()).isEqualTo(before);
        assertThat(fx.establish(b, "xa01", "Xã 1 của B", OrgKind.GRASSROOTS_COMMITTEE, day(2))
                        .code())
                .isEqualTo("xa01");
    }

    @Test
    void aScopeLimitedToAnotherSubtreeSeesNothingAndChangesNothing() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary other = fx.province(OrgFixture.unique("Tỉnh khác"));
        AccessScope outsider = OrgFixture.writer(other);
        long before = fx.rows();

        assertRefused(
                () -> restructuring.rename(
                        outsider, new RenameOrganisation(a.id(), "Tên mới", null, decision(day(10)), day(10), null)),
                "org.notFound");
        assertRefused(
                () -> restructuring.transfer(
                        outsider, new TransferOrganisation(a.id(), other.id(), decision(day(10)), day(10), null)),
                "org.notFound");
        assertRefused(() -> structure.organisation(outsider, a.id(), null), "org.notFound");
        assertRefused(() -> structure.history(outsider, a.id()), "org.notFound");
        assertRefused(
                () -> restructuring.rename(
                        OrgFixture.reader(province),
                        new RenameOrganisation(a.id(), "Tên mới", null, decision(day(10)), day(10), null)),
                "org.forbidden");
        assertThat(fx.rows()).isEqualTo(before);
        assertThat(directory.current(a.id()).orElseThrow().name()).isEqualTo("Huyện ủy A");
    }

    @Test
    void oversizedFieldsAreRefusedWithClearCodes() {
        long before = fx.rows();

        assertRefused(
                () -> fx.establish(province, "A", "x".repeat(301), OrgKind.UPPER_GRASSROOTS, day(1)),
                "org.name.tooLong");
        assertRefused(
                () -> fx.establish(province, "A".repeat(51), "Huyện ủy", OrgKind.UPPER_GRASSROOTS, day(1)),
                "org.code.tooLong");
        assertRefused(
                () -> restructuring.establish(
                        scope,
                        new EstablishOrganisation(
                                province.id(),
                                "A",
                                "Huyện ủy",
                                OrgKind.UPPER_GRASSROOTS,
                                decision(day(1)),
                                day(1),
                                "n".repeat(2001))),
                "org.note.tooLong");
        assertRefused(() -> fx.establish(province, "A", "Huyện ủy", OrgKind.CELL, day(1)), "org.kind.notAllowedUnder");
        assertThat(fx.rows()).isEqualTo(before);
        assertThat(fx.establish(province, "A", "x".repeat(300), OrgKind.UPPER_GRASSROOTS, day(1))
                        .name())
                .hasSize(300);
    }

    static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
