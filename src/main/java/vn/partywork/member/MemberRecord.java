package vn.partywork.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One member's record as its reader may see it: the form's values by field (canonical strings, see
 * {@link MemberField}), the current cell and status, the source of each field group (M-5), and what
 * the reader may do with it.
 *
 * @param cellPath the cell's current path (ids from the root), for scope checks
 * @param catalogueNames display names of the catalogue codes in {@code values} (field → name)
 * @param canEditParty the reader may enter party data directly (WRITE over the cell, M-6)
 * @param canPropose the reader may propose a change of self-declared data (the member, or staff with WRITE)
 */
public record MemberRecord(
        long id,
        Map<MemberField, String> values,
        Map<MemberField, String> catalogueNames,
        long cellId,
        String cellName,
        String cellPath,
        MemberStatus status,
        @Nullable Long accountId,
        @Nullable Long admissionRequestId,
        Map<FieldGroup, DataSource> sources,
        Instant createdAt,
        Instant updatedAt,
        int version,
        boolean canEditParty,
        boolean canPropose) {

    public MemberRecord {
        values = Collections.unmodifiableMap(new EnumMap<>(values.isEmpty() ? Map.of() : values));
        catalogueNames = Collections.unmodifiableMap(
                catalogueNames.isEmpty() ? new EnumMap<>(MemberField.class) : new EnumMap<>(catalogueNames));
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    public @Nullable String value(MemberField field) {
        return values.get(field);
    }

    /** The value as a person reads it: dates dd/MM/yyyy, Nam/Nữ, catalogue names. */
    public @Nullable String display(MemberField field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String name = catalogueNames.get(field);
        return name != null ? name : field.display(value);
    }

    public String fullName() {
        String name = values.get(MemberField.FULL_NAME);
        return name == null ? "" : name;
    }

    public @Nullable LocalDate date(MemberField field) {
        String value = values.get(field);
        return value == null ? null : LocalDate.parse(value);
    }

    /** The fields of one group in form order. */
    public static List<MemberField> fields(FieldGroup group) {
        return java.util.Arrays.stream(MemberField.values())
                .filter(f -> f.group() == group)
                .toList();
    }
}
