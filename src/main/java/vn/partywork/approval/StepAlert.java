package vn.partywork.approval;

import java.util.List;

/**
 * An open step that is due soon or overdue today (P-WF-1), with whom to alert: {@code actors} may
 * act on it; {@code overseers} read the level above the acting organisation and are told when it
 * is overdue (seed 001 Đ7.2: the upper level monitors the lower), never the actors again.
 */
public record StepAlert(
        long stepId,
        long requestId,
        String chainName,
        String title,
        int position,
        ActionKind actionKind,
        String actingOrgName,
        Due due,
        List<Long> actors,
        List<Long> overseers) {

    public StepAlert {
        actors = List.copyOf(actors);
        overseers = List.copyOf(overseers);
    }
}
