package vn.partywork.member;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One recorded life event of a member (M-4) with its decision. */
public record MemberLifeEvent(
        long id,
        long memberId,
        LifeEventKind kind,
        LocalDate effectiveOn,
        @Nullable LocalDate endsOn,
        @Nullable Integer badgeYears,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionIssuer,
        @Nullable String note,
        MemberStatus oldStatus,
        MemberStatus newStatus,
        @Nullable Long documentId,
        Instant recordedAt) {

    /** "Huy hiệu 30 năm tuổi Đảng", or the kind's label. */
    public String title() {
        return badgeYears != null ? "Huy hiệu " + badgeYears + " năm tuổi Đảng" : kind.label();
    }
}
