package vn.partywork.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/** Đổi tên: a new name and, when {@code code} is given, a new code (P-ORG-2). */
public record RenameOrganisation(
        long orgId,
        String name,
        @Nullable String code,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {}
