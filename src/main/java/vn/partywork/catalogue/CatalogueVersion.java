package vn.partywork.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * One version of a catalogue with its complete list of entries (P-ORG-3).
 *
 * @param decision the decision that issued the version; absent for lists the system started with
 *        whose issuing decision is not recorded (the note says so)
 */
public record CatalogueVersion(
        String catalogueCode,
        String catalogueName,
        @Nullable String description,
        int number,
        LocalDate validFrom,
        @Nullable Decision decision,
        @Nullable String note,
        List<CatalogueEntry> entries) {

    public CatalogueVersion {
        entries = List.copyOf(entries);
    }

    public Optional<CatalogueEntry> entry(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
