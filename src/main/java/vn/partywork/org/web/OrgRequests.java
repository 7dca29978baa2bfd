package vn.partywork.org.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import vn.partywork.org.AbsorbOrganisation;
import vn.partywork.org.DissolveOrganisation;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.MergeOrganisations;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.RenameOrganisation;
import vn.partywork.org.SplitOrganisation;
import vn.partywork.org.TransferOrganisation;
import vn.partywork.shared.Decision;

/**
 * JSON bodies of the restructuring API. Bean Validation catches missing and oversized fields
 * ({@code request.invalid}); the rules themselves live in {@link OrgRestructuring}.
 */
final class OrgRequests {

    private OrgRequests() {
    }

    record DecisionBody(@NotBlank @Size(max = Decision.MAX_TEXT) String number, @NotNull LocalDate date,
            @NotBlank @Size(max = Decision.MAX_TEXT) String issuer) {

        Decision toDecision() {
            return new Decision(number, date, issuer);
        }
    }

    record EstablishBody(@NotNull Long parentId, @NotBlank @Size(max = OrgRestructuring.MAX_CODE) String code,
            @NotBlank @Size(max = OrgRestructuring.MAX_NAME) String name, @NotNull OrgKind kind,
            @NotNull @Valid DecisionBody decision, @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        EstablishOrganisation toCommand() {
            return new EstablishOrganisation(parentId, code, name, kind, decision.toDecision(), effectiveOn, note);
        }
    }

    record RenameBody(@NotBlank @Size(max = OrgRestructuring.MAX_NAME) String name,
            @Nullable @Size(max = OrgRestructuring.MAX_CODE) String code, @NotNull @Valid DecisionBody decision,
            @NotNull LocalDate effectiveOn, @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        RenameOrganisation toCommand(long orgId) {
            return new RenameOrganisation(orgId, name, code, decision.toDecision(), effectiveOn, note);
        }
    }

    record TransferBody(@NotNull Long newParentId, @NotNull @Valid DecisionBody decision,
            @NotNull LocalDate effectiveOn, @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        TransferOrganisation toCommand(long orgId) {
            return new TransferOrganisation(orgId, newParentId, decision.toDecision(), effectiveOn, note);
        }
    }

    record SuccessorBody(@NotBlank @Size(max = OrgRestructuring.MAX_CODE) String code,
            @NotBlank @Size(max = OrgRestructuring.MAX_NAME) String name, @Nullable OrgKind kind,
            @Nullable List<@NotNull Long> childIds) {

        SplitOrganisation.Successor toSuccessor() {
            return new SplitOrganisation.Successor(code, name, kind, childIds == null ? List.of() : childIds);
        }
    }

    record SplitBody(@NotNull @Size(min = 2, max = 50) List<@NotNull @Valid SuccessorBody> successors,
            @NotNull @Valid DecisionBody decision, @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        SplitOrganisation toCommand(long orgId) {
            return new SplitOrganisation(orgId, successors.stream().map(SuccessorBody::toSuccessor).toList(),
                    decision.toDecision(), effectiveOn, note);
        }
    }

    record MergeBody(@NotEmpty @Size(min = 2, max = 50) List<@NotNull Long> sourceIds, @NotNull Long parentId,
            @NotBlank @Size(max = OrgRestructuring.MAX_CODE) String code,
            @NotBlank @Size(max = OrgRestructuring.MAX_NAME) String name, @NotNull OrgKind kind,
            @NotNull @Valid DecisionBody decision, @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        MergeOrganisations toCommand() {
            return new MergeOrganisations(sourceIds, parentId, code, name, kind, decision.toDecision(), effectiveOn,
                    note);
        }
    }

    record AbsorbBody(@NotNull Long targetId, @NotNull @Valid DecisionBody decision, @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        AbsorbOrganisation toCommand(long orgId) {
            return new AbsorbOrganisation(orgId, targetId, decision.toDecision(), effectiveOn, note);
        }
    }

    record DissolveBody(@NotNull @Valid DecisionBody decision, @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = OrgRestructuring.MAX_NOTE) String note) {

        DissolveOrganisation toCommand(long orgId) {
            return new DissolveOrganisation(orgId, decision.toDecision(), effectiveOn, note);
        }
    }
}
