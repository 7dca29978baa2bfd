package vn.partywork.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * One structural change an organisation took part in (P-ORG-2), for its history timeline.
 *
 * @param role how the organisation whose history is shown took part
 * @param recordedBy the identifier of the account that recorded the change
 */
public record OrgHistoryEntry(
        long changeId,
        StructuralChangeKind kind,
        LocalDate effectiveOn,
        Decision decision,
        @Nullable String note,
        Instant recordedAt,
        @Nullable String recordedBy,
        ChangeRole role,
        List<ChangeParticipant> participants) {

    public OrgHistoryEntry {
        participants = List.copyOf(participants);
    }

    public List<ChangeParticipant> withRole(ChangeRole wanted) {
        return participants.stream().filter(p -> p.role() == wanted).toList();
    }

    public List<ChangeParticipant> subjects() {
        return withRole(ChangeRole.SUBJECT);
    }

    public List<ChangeParticipant> sources() {
        return withRole(ChangeRole.SOURCE);
    }

    public List<ChangeParticipant> successors() {
        return withRole(ChangeRole.SUCCESSOR);
    }

    public List<ChangeParticipant> targets() {
        return withRole(ChangeRole.TARGET);
    }

    public List<ChangeParticipant> childrenMoved() {
        return withRole(ChangeRole.CHILD_MOVED);
    }

    /** When the organisation moved only because an ancestor moved: that ancestor, as it was named then. */
    public @Nullable OrgRef movedWith() {
        return role == ChangeRole.DESCENDANT_MOVED
                ? withRole(ChangeRole.DESCENDANT_MOVED).stream()
                        .map(ChangeParticipant::movedWith)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null)
                : null;
    }
}
