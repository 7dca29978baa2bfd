package vn.partywork.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.shared.Decision;

/** What every restructuring form asks for: the decision it rests on, the effective date and a note (P-ORG-2). */
abstract class RestructuringForm {

    @NotBlank(message = "{org.form.required}")
    @Size(max = Decision.MAX_TEXT, message = "{org.form.tooLong}")
    private @Nullable String decisionNumber;

    @NotNull(message = "{org.form.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate decisionDate;

    @NotBlank(message = "{org.form.required}")
    @Size(max = Decision.MAX_TEXT, message = "{org.form.tooLong}")
    private @Nullable String decisionIssuer;

    @NotNull(message = "{org.form.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate effectiveOn;

    @Size(max = OrgRestructuring.MAX_NOTE, message = "{org.form.tooLong}")
    private @Nullable String note;

    Decision decision() {
        return new Decision(decisionNumber, decisionDate, decisionIssuer);
    }

    public @Nullable String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(@Nullable String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public @Nullable LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(@Nullable LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public @Nullable String getDecisionIssuer() {
        return decisionIssuer;
    }

    public void setDecisionIssuer(@Nullable String decisionIssuer) {
        this.decisionIssuer = decisionIssuer;
    }

    public @Nullable LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(@Nullable LocalDate effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }
}
