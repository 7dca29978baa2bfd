package vn.partywork.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partywork.PartyworkTest;
import vn.partywork.shared.DomainException;

@PartyworkTest
class CataloguesTests {

    @Autowired
    Catalogues catalogues;

    @Test
    void ethnicGroupsAreTheFiftyFourWithTheirStatisticalCodes() {
        CatalogueVersion ethnicity = catalogues.current("ethnicity");

        assertThat(ethnicity.entries()).hasSize(54);
        assertThat(ethnicity.entry("01")).map(CatalogueEntry::name).contains("Kinh");
        assertThat(ethnicity.entry("08")).map(CatalogueEntry::name).contains("H'Mông");
        assertThat(ethnicity.entry("54")).map(CatalogueEntry::name).contains("Rơ Măm");
        assertThat(ethnicity.decision().number()).isEqualTo("121-TCTK/PPCĐ");
    }

    @Test
    void listsEveryCatalogueWithItsVersionInForce() {
        assertThat(catalogues.list())
                .extracting(CatalogueSummary::code)
                .containsExactly(
                        "ethnicity",
                        "religion",
                        "general-education",
                        "political-theory",
                        "professional-degree",
                        "party-position");
        assertThat(catalogues.list())
                .filteredOn(c -> c.code().equals("political-theory"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.entryCount()).isEqualTo(4);
                    assertThat(c.currentVersion()).isEqualTo(1);
                });
        assertThat(catalogues.current("religion").entries())
                .extracting(CatalogueEntry::name)
                .contains("Không", "Phật giáo", "Công giáo", "Phật giáo Hòa Hảo", "Bửu Sơn Kỳ Hương");
    }

    @Test
    void aDateBeforeTheFirstVersionHasNoCatalogue() {
        assertThatThrownBy(() -> catalogues.asOf("ethnicity", LocalDate.of(1979, 3, 1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("catalogue.notFound"));
        assertThat(catalogues.asOf("ethnicity", LocalDate.of(1979, 3, 2)).number())
                .isEqualTo(1);
        assertThatThrownBy(() -> catalogues.current("no-such"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("catalogue.notFound"));
    }
}
