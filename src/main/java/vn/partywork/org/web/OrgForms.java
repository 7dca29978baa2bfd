package vn.partywork.org.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;

/** The page forms of the organisation page, one per restructuring operation. */
final class OrgForms {

    private OrgForms() {}

    /** Thành lập tổ chức trực thuộc. */
    static class EstablishForm extends RestructuringForm {
        @NotBlank(message = "{org.form.required}")
        @Size(max = OrgRestructuring.MAX_CODE, message = "{org.form.tooLong}")
        private @Nullable String code;

        @NotBlank(message = "{org.form.required}")
        @Size(max = OrgRestructuring.MAX_NAME, message = "{org.form.tooLong}")
        private @Nullable String name;

        @NotNull(message = "{org.form.required}")
        private @Nullable OrgKind kind;

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable OrgKind getKind() {
            return kind;
        }

        public void setKind(@Nullable OrgKind kind) {
            this.kind = kind;
        }
    }

    /** Đổi tên; an empty code keeps the current one. */
    static class RenameForm extends RestructuringForm {
        @NotBlank(message = "{org.form.required}")
        @Size(max = OrgRestructuring.MAX_NAME, message = "{org.form.tooLong}")
        private @Nullable String name;

        @Size(max = OrgRestructuring.MAX_CODE, message = "{org.form.tooLong}")
        private @Nullable String code;

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }
    }

    /** Chuyển giao. */
    static class TransferForm extends RestructuringForm {
        @NotNull(message = "{org.form.chooseOrganisation}")
        private @Nullable Long newParentId;

        public @Nullable Long getNewParentId() {
            return newParentId;
        }

        public void setNewParentId(@Nullable Long newParentId) {
            this.newParentId = newParentId;
        }
    }

    /** Sáp nhập vào tổ chức khác. */
    static class AbsorbForm extends RestructuringForm {
        @NotNull(message = "{org.form.chooseOrganisation}")
        private @Nullable Long targetId;

        public @Nullable Long getTargetId() {
            return targetId;
        }

        public void setTargetId(@Nullable Long targetId) {
            this.targetId = targetId;
        }
    }

    /** Giải thể. */
    static class DissolveForm extends RestructuringForm {}

    /**
     * Hợp nhất: this organisation with the others chosen, into a new one under {@code parentId}
     * (by default this organisation's parent).
     */
    static class MergeForm extends RestructuringForm {
        private List<Long> otherSourceIds = new ArrayList<>();

        @NotNull(message = "{org.form.chooseOrganisation}")
        private @Nullable Long parentId;

        @NotBlank(message = "{org.form.required}")
        @Size(max = OrgRestructuring.MAX_CODE, message = "{org.form.tooLong}")
        private @Nullable String code;

        @NotBlank(message = "{org.form.required}")
        @Size(max = OrgRestructuring.MAX_NAME, message = "{org.form.tooLong}")
        private @Nullable String name;

        @NotNull(message = "{org.form.required}")
        private @Nullable OrgKind kind;

        public List<Long> getOtherSourceIds() {
            return otherSourceIds;
        }

        public void setOtherSourceIds(@Nullable List<Long> otherSourceIds) {
            this.otherSourceIds = otherSourceIds == null ? new ArrayList<>() : otherSourceIds;
        }

        public @Nullable Long getParentId() {
            return parentId;
        }

        public void setParentId(@Nullable Long parentId) {
            this.parentId = parentId;
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable OrgKind getKind() {
            return kind;
        }

        public void setKind(@Nullable OrgKind kind) {
            this.kind = kind;
        }
    }

    /**
     * Chia tách: up to {@link #ROWS} successor rows (blank rows are ignored) and, for each current
     * child, the number of the row it moves to.
     */
    static class SplitForm extends RestructuringForm {
        static final int ROWS = 4;

        @Valid
        private List<SuccessorRow> successors = new ArrayList<>();

        private Map<Long, Integer> assignment = new HashMap<>();

        SplitForm() {
            for (int i = 0; i < ROWS; i++) {
                successors.add(new SuccessorRow());
            }
        }

        public List<SuccessorRow> getSuccessors() {
            return successors;
        }

        public void setSuccessors(List<SuccessorRow> successors) {
            this.successors = successors;
        }

        public Map<Long, Integer> getAssignment() {
            return assignment;
        }

        public void setAssignment(Map<Long, Integer> assignment) {
            this.assignment = assignment;
        }
    }

    static class SuccessorRow {
        @Size(max = OrgRestructuring.MAX_CODE, message = "{org.form.tooLong}")
        private @Nullable String code;

        @Size(max = OrgRestructuring.MAX_NAME, message = "{org.form.tooLong}")
        private @Nullable String name;

        boolean blank() {
            return (code == null || code.isBlank()) && (name == null || name.isBlank());
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }
}
