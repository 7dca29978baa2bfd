package vn.partywork.org;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.org.OrgFixture.day;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.org.internal.Organisations;
import vn.partywork.shared.AccessScope;

@PartyworkTest
class OrgStructureTests {

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

    @Autowired
    Organisations organisations;

    OrgFixture fx;
    OrgSummary province;
    AccessScope scope;

    @BeforeEach
    void setUp() {
        fx = new OrgFixture(restructuring, structure, seeding, directory, jdbc);
        province = fx.province(OrgFixture.unique("Tỉnh ủy"));
        scope = OrgFixture.reader(province);
    }

    @Test
    void unaccentedSearchFindsVietnameseNamesWithinScopeOnly() {
        String tag = OrgFixture.unique("z").replace("-", "");
        OrgSummary district = fx.establish(province, "HN", "Quận ủy Hà Nội " + tag, OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary other = fx.province(OrgFixture.unique("Tỉnh khác"));
        fx.establish(other, "HN", "Quận ủy Hà Nội " + tag, OrgKind.UPPER_GRASSROOTS, day(1));

        OrgPage page = structure.search(scope, "ha noi " + tag, 0, 20);

        assertThat(page.items()).extracting(OrgSummary::id).containsExactly(district.id());
        assertThat(page.total()).isEqualTo(1);
        assertThat(structure.search(scope, "HÀ NỘI " + tag.toUpperCase(), 0, 20).items())
                .hasSize(1);
        assertThat(structure
                        .search(OrgFixture.reader(other), "ha noi " + tag, 0, 20)
                        .items())
                .noneMatch(o -> o.id() == district.id());
    }

    @Test
    void searchRanksNamesStartingWithTheQueryFirst() {
        String tag = OrgFixture.unique("k").replace("-", "");
        OrgSummary inside = fx.establish(province, "B", "Huyện ủy Bình Xuyên " + tag, OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary prefix = fx.establish(province, "A", "Bình Xuyên " + tag, OrgKind.UPPER_GRASSROOTS, day(1));

        OrgPage page = structure.search(scope, "binh xuyen " + tag, 0, 10);

        assertThat(page.items()).extracting(OrgSummary::id).containsExactly(prefix.id(), inside.id());
        assertThat(structure.search(scope, "binh xuyen " + tag, 1, 1).items())
                .extracting(OrgSummary::id)
                .containsExactly(inside.id());
    }

    @Test
    void aCappedSearchRanksExactlyLikeTheFullOne() {
        String tag = OrgFixture.unique("q").replace("-", "");
        OrgSummary huyen2 = fx.establish(province, "U2", tag + " Huyện 2", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary huyen1 = fx.establish(province, "U1", tag + " Huyện 1", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary xa = fx.establish(huyen1, "X", tag + " Xã", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        OrgSummary exactName = fx.establish(huyen1, "N", tag, OrgKind.GRASSROOTS_CELL, day(2));
        OrgSummary exactCode = fx.establish(huyen2, tag.toUpperCase(), "Đảng ủy khác", OrgKind.GRASSROOTS_CELL, day(2));
        OrgSummary word = fx.establish(huyen2, "W", "Chi bộ " + tag, OrgKind.GRASSROOTS_CELL, day(2));
        java.util.List<String> roots = java.util.List.of(province.path());

        // Exact (name or code) first, then prefixes by level and name, then word prefixes.
        Organisations.SearchResult full = organisations.search(tag, roots, 20, 0, 1000);
        assertThat(full.items())
                .extracting(OrgSummary::id)
                .containsExactly(exactCode.id(), exactName.id(), huyen1.id(), huyen2.id(), xa.id(), word.id());
        assertThat(full.total()).isEqualTo(6);
        assertThat(full.capped()).isFalse();

        // Five prefix matches exceed a cap of three: the level-by-level plan must give the same pages.
        for (int offset = 0; offset < 3; offset++) {
            Organisations.SearchResult capped = organisations.search(tag, roots, 1, offset, 3);
            assertThat(capped.capped()).isTrue();
            assertThat(capped.total()).isEqualTo(3);
            assertThat(capped.items())
                    .extracting(OrgSummary::id)
                    .containsExactly(full.items().get(offset).id());
        }
        assertThat(organisations.search(tag, roots, 3, 0, 3).items())
                .extracting(OrgSummary::id)
                .containsExactly(exactCode.id(), exactName.id(), huyen1.id());
        OrgPage page = structure.search(scope, tag, 0, 20);
        assertThat(page.totalCapped()).isFalse();
        assertThat(page.total()).isEqualTo(6);
    }

    @Test
    void rootsChildrenAndCountsFollowTheScope() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        fx.establish(a, "H", "Chi bộ cơ sở H", OrgKind.GRASSROOTS_CELL, day(2));

        assertThat(structure.roots(scope, null)).singleElement().satisfies(n -> {
            assertThat(n.org().id()).isEqualTo(province.id());
            assertThat(n.childCount()).isEqualTo(1);
        });
        assertThat(structure.children(scope, province.id(), null))
                .singleElement()
                .satisfies(n -> assertThat(n.childCount()).isEqualTo(2));
        assertThat(structure.countByKind(scope))
                .containsEntry(OrgKind.PROVINCE, 1L)
                .containsEntry(OrgKind.UPPER_GRASSROOTS, 1L)
                .containsEntry(OrgKind.GRASSROOTS_COMMITTEE, 1L)
                .containsEntry(OrgKind.GRASSROOTS_CELL, 1L)
                .containsEntry(OrgKind.CENTRAL, 0L);
        assertThat(structure.roots(scope, day(-1))).isEmpty();
    }

    @Test
    void descendantsArePagedInTreeOrder() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(a, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        fx.establish(g, "C1", "Chi bộ 1", OrgKind.CELL, day(3));

        OrgPage first = structure.descendants(scope, province.id(), 0, 2);
        OrgPage second = structure.descendants(scope, province.id(), 1, 2);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(OrgSummary::code).containsExactly("A", "G");
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(OrgSummary::code).containsExactly("C1");
    }

    @Test
    void directoryResolvesCurrentOrganisationsInTheOrderGiven() {
        OrgSummary a = fx.establish(province, "A", "Huyện ủy A", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary b = fx.establish(province, "B", "Huyện ủy B", OrgKind.UPPER_GRASSROOTS, day(1));

        assertThat(directory.current(java.util.List.of(b.id(), a.id())))
                .extracting(OrgSummary::code)
                .containsExactly("B", "A");
        assertThat(directory.currentPaths(java.util.List.of(a.id()))).containsEntry(a.id(), a.path());
        assertThat(directory.currentChildByCode(province.id(), "b"))
                .map(OrgSummary::id)
                .contains(b.id());
    }
}
