package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A member as search results list them (issue 5 item 9: id, name, birth date, organisation, status). */
public record MemberSummary(
        long id,
        String fullName,
        Gender gender,
        LocalDate birthDate,
        long cellId,
        String cellName,
        MemberStatus status,
        LocalDate admissionDate,
        @Nullable String partyCardNumber) {}
