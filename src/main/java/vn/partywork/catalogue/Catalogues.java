package vn.partywork.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.catalogue.internal.CatalogueVersions;
import vn.partywork.shared.DomainException;

/**
 * The central, versioned catalogues (danh mục chuẩn, P-ORG-3): ethnic groups, religions, education
 * and political-theory levels, degrees, party positions. Reference data, the same for everyone: any
 * signed-in business user may read it, so reads take no scope. The version in force on a day is the
 * latest one that began on or before it.
 */
@Service
@Transactional(readOnly = true)
public class Catalogues {

    private final CatalogueVersions versions;
    private final Clock clock;

    Catalogues(CatalogueVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** Every catalogue with its version in force today. */
    public List<CatalogueSummary> list() {
        return versions.summaries(LocalDate.now(clock));
    }

    /** The version in force today, with its entries; {@code catalogue.notFound} for an unknown code. */
    public CatalogueVersion current(String catalogueCode) {
        return asOf(catalogueCode, LocalDate.now(clock));
    }

    /** The version in force on the day (to read a record made back then). */
    public CatalogueVersion asOf(String catalogueCode, LocalDate day) {
        return versions.onDate(catalogueCode, day).orElseThrow(() -> DomainException.notFound("catalogue.notFound"));
    }
}
