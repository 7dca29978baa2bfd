package vn.partywork.org;

import org.jspecify.annotations.Nullable;

/**
 * One organisation's part in a structural change, with names as they were then. {@code code} and
 * {@code name} are the values after the change; the {@code previous*} fields say what changed
 * (old name, old code, old parent) and {@code newParent} where it stands afterwards. For
 * {@link ChangeRole#DESCENDANT_MOVED}, {@code movedWith} is the ancestor whose move carried it.
 */
public record ChangeParticipant(
        long orgId,
        ChangeRole role,
        String code,
        String name,
        @Nullable String previousCode,
        @Nullable String previousName,
        @Nullable OrgRef previousParent,
        @Nullable OrgRef newParent,
        @Nullable OrgRef movedWith) {

    public ChangeParticipant(
            long orgId,
            ChangeRole role,
            String code,
            String name,
            @Nullable String previousCode,
            @Nullable String previousName,
            @Nullable OrgRef previousParent,
            @Nullable OrgRef newParent) {
        this(orgId, role, code, name, previousCode, previousName, previousParent, newParent, null);
    }

    public boolean renamed() {
        return previousName != null && !previousName.equals(name);
    }

    public boolean recoded() {
        return previousCode != null && !previousCode.equals(code);
    }
}
