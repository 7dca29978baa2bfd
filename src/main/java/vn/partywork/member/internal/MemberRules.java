package vn.partywork.member.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.catalogue.Catalogues;
import vn.partywork.member.Gender;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberStatus;
import vn.partywork.shared.DomainException;

/**
 * The rules a member record obeys whoever writes it (M-1, issue 5 item 1): required fields, catalogue
 * codes in force, a CCCD that fits the person, dates in a possible order, age 18 at admission, the
 * probation year before the official date. Uniqueness is checked by the registry against the table.
 */
@Component
public class MemberRules {

    /** Party statute Art. 1: a person is admitted at 18 or older. */
    public static final int ADMISSION_AGE = 18;
    /** Party statute Art. 5: twelve months of probation before becoming official. */
    public static final int PROBATION_MONTHS = 12;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /**
     * Province codes of the CCCD (Circular 07/2016/TT-BCA, Annex: mã tỉnh nơi đăng ký khai sinh, the
     * 63 provinces before the 2025 merger, which does not re-number issued cards).
     */
    static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    private final Catalogues catalogues;
    private final Clock clock;
    /**
     * Catalogue versions in force by (catalogue, day): versions come with migrations only
     * (the catalogue module has no write API), so a day's version never changes while we run.
     */
    private final Map<String, CatalogueVersion> inForce = new ConcurrentHashMap<>();

    MemberRules(Catalogues catalogues, Clock clock) {
        this.catalogues = catalogues;
        this.clock = clock;
    }

    /**
     * Reads what a person typed, field by field, in the order given ({@code member.field.unknown}
     * for a name that is no field).
     */
    public Map<MemberField, @Nullable String> parse(Map<String, @Nullable String> input) {
        Map<MemberField, @Nullable String> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, @Nullable String> e : input.entrySet()) {
            MemberField field = MemberField.byKey(e.getKey())
                    .orElseThrow(() -> DomainException.invalid("member.field.unknown", e.getKey()));
            values.put(field, parse(field, e.getValue()));
        }
        return values;
    }

    /**
     * One field's value as {@link #parse(Map)} stores it (the import checks a file cell by cell,
     * 3.5 million cells for 100,000 rows: no map per cell).
     */
    public @Nullable String parse(MemberField field, @Nullable String input) {
        String value = field.parse(input);
        if (value != null && field.kind() == MemberField.Kind.CATALOGUE) {
            value = catalogueCode(field, value);
        }
        return value;
    }

    /** The entry's code for a code or a name of the catalogue in force today. */
    private String catalogueCode(MemberField field, String value) {
        CatalogueVersion version = catalogue(field);
        for (CatalogueEntry entry : version.entries()) {
            if (entry.code().equals(value) || entry.name().equalsIgnoreCase(value)) {
                return entry.code();
            }
        }
        throw DomainException.invalid("member.catalogue.unknown", field.label(), value);
    }

    /** Display names of the catalogue values of a record (field → entry name). */
    public Map<MemberField, String> catalogueNames(Map<MemberField, String> values) {
        Map<MemberField, String> names = new EnumMap<>(MemberField.class);
        for (Map.Entry<MemberField, String> e : values.entrySet()) {
            MemberField field = e.getKey();
            if (field.kind() == MemberField.Kind.CATALOGUE) {
                CatalogueVersion version = catalogue(field);
                version.entry(e.getValue()).ifPresent(entry -> names.put(field, entry.name()));
            }
        }
        return names;
    }

    private CatalogueVersion catalogue(MemberField field) {
        String code = java.util.Objects.requireNonNull(field.catalogue());
        LocalDate today = LocalDate.now(clock);
        return inForce.computeIfAbsent(code + "@" + today, k -> catalogues.current(code));
    }

    /** Every rule over a whole record in the given status; the first broken one is reported. */
    public void check(Map<MemberField, String> values, MemberStatus status) {
        LocalDate today = LocalDate.now(clock);
        for (MemberField field : MemberField.values()) {
            if (field.required() && values.get(field) == null) {
                throw DomainException.invalid("member.field.required", field.label());
            }
        }
        for (MemberField field : MemberField.values()) {
            if (field.kind() == MemberField.Kind.DATE && values.get(field) != null) {
                if (LocalDate.parse(values.get(field)).isAfter(today)) {
                    throw DomainException.invalid("member.date.inFuture", field.label());
                }
            }
        }
        LocalDate birth = date(values, MemberField.BIRTH_DATE);
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw DomainException.invalid("member.birthDate.invalid");
        }
        checkCitizenId(values.get(MemberField.CITIZEN_ID), Gender.valueOf(values.get(MemberField.GENDER)), birth);

        LocalDate admission = date(values, MemberField.ADMISSION_DATE);
        LocalDate adult = birth.plusYears(ADMISSION_AGE);
        if (admission.isBefore(adult)) {
            throw DomainException.invalid("member.admission.underAge", DAY.format(adult));
        }
        String official = values.get(MemberField.OFFICIAL_DATE);
        if (official != null) {
            LocalDate end = admission.plusMonths(PROBATION_MONTHS);
            if (LocalDate.parse(official).isBefore(end)) {
                throw DomainException.invalid("member.official.beforeProbationEnd", DAY.format(end));
            }
        }
        if (status == MemberStatus.OFFICIAL && official == null) {
            throw DomainException.invalid("member.official.required");
        }
        if (status != MemberStatus.OFFICIAL && official != null) {
            throw DomainException.invalid("member.official.notYet");
        }
        String issued = values.get(MemberField.PARTY_CARD_ISSUED_ON);
        if (issued != null && LocalDate.parse(issued).isBefore(admission)) {
            throw DomainException.invalid("member.partyCard.issuedBeforeAdmission");
        }
        if (issued != null && values.get(MemberField.PARTY_CARD_NUMBER) == null) {
            throw DomainException.invalid("member.partyCard.numberRequired");
        }
    }

    /**
     * CCCD (Decree 137/2015/NĐ-CP Art. 7): 3 digits of the province of birth registration, 1 digit of
     * gender and century (0/1 male/female born 1900–1999, 2/3 in 2000–2099, …), 2 digits of the birth
     * year, 6 random digits.
     */
    static void checkCitizenId(String citizenId, Gender gender, LocalDate birth) {
        if (!PROVINCE_CODES.contains(citizenId.substring(0, 3))) {
            throw DomainException.invalid("member.citizenId.invalid");
        }
        int century = birth.getYear() / 100 - 19;
        int expected = century * 2 + (gender == Gender.FEMALE ? 1 : 0);
        String year = String.format(Locale.ROOT, "%02d", birth.getYear() % 100);
        if (century < 0
                || citizenId.charAt(3) - '0' != expected
                || !citizenId.substring(4, 6).equals(year)) {
            throw DomainException.invalid("member.citizenId.mismatch");
        }
    }

    private static LocalDate date(Map<MemberField, String> values, MemberField field) {
        return LocalDate.parse(values.get(field));
    }
}
