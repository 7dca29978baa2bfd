package vn.partywork.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/** Thành lập: a new organisation of {@code kind} under {@code parentId} (P-ORG-2). */
public record EstablishOrganisation(
        long parentId,
        String code,
        String name,
        OrgKind kind,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {}
