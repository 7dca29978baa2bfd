package vn.partywork.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.DomainException;

/**
 * The fields of the member form (phiếu đảng viên, M-1) with their label, group, kind, column and
 * limits. Values travel as canonical strings: text as typed (trimmed), dates ISO
 * ({@code 2001-09-02}), genders {@code MALE}/{@code FEMALE}, catalogue entries by code. The
 * current cell and the status are not fields: they change through party decisions.
 */
public enum MemberField {
    FULL_NAME("fullName", "full_name", "Họ và tên khai sinh", FieldGroup.IDENTITY, Kind.TEXT, 200, true),
    USUAL_NAME("usualName", "usual_name", "Họ và tên đang dùng", FieldGroup.IDENTITY, Kind.TEXT, 200, false),
    GENDER("gender", "gender", "Giới tính", FieldGroup.IDENTITY, Kind.GENDER, 10, true),
    BIRTH_DATE("birthDate", "birth_date", "Ngày sinh", FieldGroup.IDENTITY, Kind.DATE, 10, true),
    BIRTH_PLACE("birthPlace", "birth_place", "Nơi sinh", FieldGroup.IDENTITY, Kind.TEXT, 300, false),
    HOMETOWN("hometown", "hometown", "Quê quán", FieldGroup.IDENTITY, Kind.TEXT, 300, false),
    PERMANENT_ADDRESS(
            "permanentAddress", "permanent_address", "Nơi thường trú", FieldGroup.IDENTITY, Kind.TEXT, 300, false),
    CURRENT_ADDRESS("currentAddress", "current_address", "Nơi ở hiện nay", FieldGroup.IDENTITY, Kind.TEXT, 300, false),
    ETHNICITY("ethnicity", "ethnicity", "Dân tộc", FieldGroup.IDENTITY, Kind.CATALOGUE, 20, true, "ethnicity"),
    RELIGION("religion", "religion", "Tôn giáo", FieldGroup.IDENTITY, Kind.CATALOGUE, 20, true, "religion"),
    CITIZEN_ID("citizenId", "citizen_id", "Số căn cước công dân", FieldGroup.IDENTITY, Kind.CITIZEN_ID, 12, true),
    PHONE("phone", "phone", "Số điện thoại", FieldGroup.IDENTITY, Kind.PHONE, 20, false),
    FAMILY_NOTES("familyNotes", "family_notes", "Hoàn cảnh gia đình", FieldGroup.IDENTITY, Kind.TEXT, 2000, false),

    OCCUPATION("occupation", "occupation", "Nghề nghiệp", FieldGroup.BACKGROUND, Kind.TEXT, 200, false),
    GENERAL_EDUCATION(
            "generalEducation",
            "general_education",
            "Giáo dục phổ thông",
            FieldGroup.BACKGROUND,
            Kind.CATALOGUE,
            20,
            false,
            "general-education"),
    PROFESSIONAL_DEGREE(
            "professionalDegree",
            "professional_degree",
            "Trình độ chuyên môn cao nhất",
            FieldGroup.BACKGROUND,
            Kind.CATALOGUE,
            20,
            false,
            "professional-degree"),
    PROFESSIONAL_FIELD(
            "professionalField", "professional_field", "Chuyên ngành", FieldGroup.BACKGROUND, Kind.TEXT, 200, false),
    ACADEMIC_TITLE("academicTitle", "academic_title", "Học hàm", FieldGroup.BACKGROUND, Kind.TEXT, 100, false),
    POLITICAL_THEORY(
            "politicalTheory",
            "political_theory",
            "Lý luận chính trị",
            FieldGroup.BACKGROUND,
            Kind.CATALOGUE,
            20,
            false,
            "political-theory"),
    FOREIGN_LANGUAGES(
            "foreignLanguages", "foreign_languages", "Ngoại ngữ", FieldGroup.BACKGROUND, Kind.TEXT, 200, false),
    STATE_MANAGEMENT(
            "stateManagement", "state_management", "Quản lý nhà nước", FieldGroup.BACKGROUND, Kind.TEXT, 200, false),
    GOVERNMENT_POSITIONS(
            "governmentPositions",
            "government_positions",
            "Chức vụ chính quyền, đoàn thể",
            FieldGroup.BACKGROUND,
            Kind.TEXT,
            500,
            false),

    ADMISSION_DATE("admissionDate", "admission_date", "Ngày vào Đảng", FieldGroup.PARTY, Kind.DATE, 10, true),
    ADMISSION_PLACE("admissionPlace", "admission_place", "Nơi kết nạp", FieldGroup.PARTY, Kind.TEXT, 300, false),
    INTRODUCERS("introducers", "introducers", "Người giới thiệu", FieldGroup.PARTY, Kind.TEXT, 300, false),
    OFFICIAL_DATE("officialDate", "official_date", "Ngày chính thức", FieldGroup.PARTY, Kind.DATE, 10, false),
    PARTY_CARD_NUMBER(
            "partyCardNumber", "party_card_number", "Số thẻ đảng viên", FieldGroup.PARTY, Kind.PARTY_CARD, 12, false),
    PARTY_CARD_ISSUED_ON(
            "partyCardIssuedOn", "party_card_issued_on", "Ngày cấp thẻ", FieldGroup.PARTY, Kind.DATE, 10, false),
    PARTY_POSITION(
            "partyPosition",
            "party_position",
            "Chức vụ Đảng",
            FieldGroup.PARTY,
            Kind.CATALOGUE,
            20,
            false,
            "party-position"),
    AWARDS("awards", "awards", "Khen thưởng", FieldGroup.PARTY, Kind.TEXT, 2000, false),
    DISCIPLINE("discipline", "discipline", "Kỷ luật", FieldGroup.PARTY, Kind.TEXT, 2000, false),
    PARTY_BADGE("partyBadge", "party_badge", "Huy hiệu Đảng", FieldGroup.PARTY, Kind.TEXT, 200, false);

    /** How a field's value is written and checked. */
    public enum Kind {
        TEXT,
        DATE,
        GENDER,
        CATALOGUE,
        CITIZEN_ID,
        PARTY_CARD,
        PHONE
    }

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern CARD = Pattern.compile("\\d{6,12}");
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9][0-9 .]{7,19}");

    private final String key;
    private final String column;
    private final String label;
    private final FieldGroup group;
    private final Kind kind;
    private final int maxLength;
    private final boolean required;
    private final @Nullable String catalogue;

    MemberField(String key, String column, String label, FieldGroup group, Kind kind, int maxLength, boolean required) {
        this(key, column, label, group, kind, maxLength, required, null);
    }

    MemberField(
            String key,
            String column,
            String label,
            FieldGroup group,
            Kind kind,
            int maxLength,
            boolean required,
            @Nullable String catalogue) {
        this.key = key;
        this.column = column;
        this.label = label;
        this.group = group;
        this.kind = kind;
        this.maxLength = maxLength;
        this.required = required;
        this.catalogue = catalogue;
    }

    /** The name in forms, the API and the audit log ({@code citizenId}). */
    public String key() {
        return key;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public FieldGroup group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean required() {
        return required;
    }

    /** The catalogue code of a {@link Kind#CATALOGUE} field. */
    public @Nullable String catalogue() {
        return catalogue;
    }

    public static Optional<MemberField> byKey(String key) {
        for (MemberField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The canonical value of what a person typed, or null for blank. Dates are read as
     * {@code 2001-09-02} or {@code 02/09/2001}; genders as {@code MALE}/{@code Nam}. Catalogue
     * entries are resolved to codes by the registry, which knows the catalogues.
     */
    public @Nullable String parse(@Nullable String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > Math.max(maxLength, 30)) {
            throw DomainException.invalid("member.field.tooLong", label, maxLength);
        }
        return switch (kind) {
            case TEXT, CATALOGUE -> {
                if (text.length() > maxLength && kind == Kind.TEXT) {
                    throw DomainException.invalid("member.field.tooLong", label, maxLength);
                }
                yield text;
            }
            case DATE -> parseDate(text).toString();
            case GENDER -> {
                for (Gender g : Gender.values()) {
                    if (g.name().equalsIgnoreCase(text) || g.label().equalsIgnoreCase(text)) {
                        yield g.name();
                    }
                }
                throw DomainException.invalid("member.gender.invalid");
            }
            case CITIZEN_ID -> {
                String digits = text.replace(" ", "");
                if (!TWELVE_DIGITS.matcher(digits).matches()) {
                    throw DomainException.invalid("member.citizenId.invalid");
                }
                yield digits;
            }
            case PARTY_CARD -> {
                String digits = text.replace(" ", "");
                if (!CARD.matcher(digits).matches()) {
                    throw DomainException.invalid("member.partyCard.invalid");
                }
                yield digits;
            }
            case PHONE -> {
                if (!PHONE_TEXT.matcher(text).matches()) {
                    throw DomainException.invalid("member.phone.invalid");
                }
                yield text;
            }
        };
    }

    private LocalDate parseDate(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("member.date.invalid", label);
        }
    }

    /** A canonical value as a person reads it (dates dd/MM/yyyy, genders Nam/Nữ); catalogue codes stay codes. */
    public @Nullable String display(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case DATE -> DAY.format(LocalDate.parse(value));
            case GENDER -> Gender.valueOf(value).label();
            default -> value;
        };
    }
}
