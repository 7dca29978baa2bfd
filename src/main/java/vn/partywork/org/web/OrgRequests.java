package vn.partywork.org.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
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
 * ({@code request.invalid}, with Vietnamese field messages); the rules live in {@link OrgRestructuring}.
 */
final class OrgRequests {

    static final String REQUIRED = "{org.form.required}";
    static final String TOO_LONG = "{org.form.tooLong}";
    static final String COUNT = "{org.form.count}";

    private OrgRequests() {}

    record DecisionBody(
            @NotBlank(message = REQUIRED) @Size(max = Decision.MAX_TEXT, message = TOO_LONG)
            String number,

            @NotNull(message = REQUIRED) LocalDate date,

            @NotBlank(message = REQUIRED) @Size(max = Decision.MAX_TEXT, message = TOO_LONG)
            String issuer) {

        Decision toDecision() {
            return new Decision(number, date, issuer);
        }
    }

    record EstablishBody(
            @NotNull(message = REQUIRED) Long parentId,

            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_CODE, message = TOO_LONG)
            String code,

            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_NAME, message = TOO_LONG)
            String name,

            @NotNull(message = REQUIRED) OrgKind kind,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        EstablishOrganisation toCommand() {
            return new EstablishOrganisation(parentId, code, name, kind, decision.toDecision(), effectiveOn, note);
        }
    }

    /** An empty or missing code keeps the current one. */
    record RenameBody(
            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_NAME, message = TOO_LONG)
            String name,

            @Nullable @Size(max = OrgRestructuring.MAX_CODE, message = TOO_LONG)
            String code,

            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        RenameOrganisation toCommand(long orgId) {
            return new RenameOrganisation(orgId, name, code, decision.toDecision(), effectiveOn, note);
        }
    }

    record TransferBody(
            @NotNull(message = REQUIRED) Long newParentId,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        TransferOrganisation toCommand(long orgId) {
            return new TransferOrganisation(orgId, newParentId, decision.toDecision(), effectiveOn, note);
        }
    }

    /** A successor of a split; a missing kind keeps the kind of the organisation split. */
    record SuccessorBody(
            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_CODE, message = TOO_LONG)
            String code,

            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_NAME, message = TOO_LONG)
            String name,

            @Nullable OrgKind kind,
            @Nullable List<@NotNull(message = REQUIRED) Long> childIds) {

        SplitOrganisation.Successor toSuccessor() {
            return new SplitOrganisation.Successor(code, name, kind, childIds == null ? List.of() : childIds);
        }
    }

    record SplitBody(
            @NotNull(message = REQUIRED) @Size(min = 2, max = 50, message = COUNT)
            List<@NotNull(message = REQUIRED) @Valid SuccessorBody> successors,

            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        SplitOrganisation toCommand(long orgId) {
            return new SplitOrganisation(
                    orgId,
                    successors.stream().map(SuccessorBody::toSuccessor).toList(),
                    decision.toDecision(),
                    effectiveOn,
                    note);
        }
    }

    record MergeBody(
            @NotEmpty(message = REQUIRED) @Size(min = 2, max = 50, message = COUNT)
            List<@NotNull(message = REQUIRED) Long> sourceIds,

            @NotNull(message = REQUIRED) Long parentId,

            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_CODE, message = TOO_LONG)
            String code,

            @NotBlank(message = REQUIRED) @Size(max = OrgRestructuring.MAX_NAME, message = TOO_LONG)
            String name,

            @NotNull(message = REQUIRED) OrgKind kind,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        MergeOrganisations toCommand() {
            return new MergeOrganisations(
                    sourceIds, parentId, code, name, kind, decision.toDecision(), effectiveOn, note);
        }
    }

    record AbsorbBody(
            @NotNull(message = REQUIRED) Long targetId,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        AbsorbOrganisation toCommand(long orgId) {
            return new AbsorbOrganisation(orgId, targetId, decision.toDecision(), effectiveOn, note);
        }
    }

    record DissolveBody(
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,

            @Nullable @Size(max = OrgRestructuring.MAX_NOTE, message = TOO_LONG)
            String note) {

        DissolveOrganisation toCommand(long orgId) {
            return new DissolveOrganisation(orgId, decision.toDecision(), effectiveOn, note);
        }
    }
}
