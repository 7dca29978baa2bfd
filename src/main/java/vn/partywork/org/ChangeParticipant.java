package vn.partywork.org;

import org.jspecify.annotations.Nullable;

/**
 * One organisation's part in a structural change, with names as they were then. {@code code} and
 * {@code name} are the values after the change; the {@code previous*} fields say what changed
 * (old name, old code, old parent) and {@code newParent} where it stands afterwards.
 */
public record ChangeParticipant(long orgId, ChangeRole role, String code, String name,
        @Nullable String previousCode, @Nullable String previousName, @Nullable OrgRef previousParent,
        @Nullable OrgRef newParent) {

    public boolean renamed() {
        return previousName != null && !previousName.equals(name);
    }

    public boolean recoded() {
        return previousCode != null && !previousCode.equals(code);
    }
}
