package vn.partywork.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.approval.internal.ApprovalStore;
import vn.partywork.approval.internal.ApprovalStore.Chain;
import vn.partywork.approval.internal.ApprovalStore.OpenStepAt;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.OrganisationEnded;
import vn.partywork.shared.DomainException;

/**
 * P-WF-1 with P-ORG-2: when an organisation ends, the requests about it and the steps it was to act
 * on move to its successor, so that no request is left waiting for a body that no longer exists.
 * Open requests whose subject organisation ended follow it to its single successor (a merge, an
 * absorption); then every open step whose acting organisation ended is resolved again from the
 * subject's current line with the step's acting level ("the nearest grassroots committee above",
 * …), and its new acting organisation is told ({@link ApprovalStepOpened}). Due dates stay as they were. A split or a dissolution leaves no single successor for a
 * subject: those requests keep their step, show as overdue in the monitor of the level above and
 * are withdrawn or returned by hand. Each move is audited with the structural change as its basis.
 */
@Component
class ActingOrganisationSuccession {

    private static final Logger log = LoggerFactory.getLogger(ActingOrganisationSuccession.class);

    private final ApprovalStore store;
    private final ApprovalRequests requests;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ActingOrganisationSuccession(
            ApprovalStore store,
            ApprovalRequests requests,
            OrgDirectory orgs,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.requests = requests;
        this.orgs = orgs;
        this.audit = audit;
    }

    @ApplicationModuleListener(id = "approval.organisation-ended")
    void on(OrganisationEnded event) {
        String basis = "Thay đổi tổ chức số " + event.structuralChangeId() + " ("
                + event.kind().label() + ")";
        if (event.successorIds().size() == 1) {
            long successor = event.successorIds().get(0);
            for (long request : store.openRequestsAbout(event.orgId())) {
                store.moveSubject(request, successor);
                audit.record(AuditEvent.of(AuditAction.UPDATE, ApprovalRequests.TARGET, request)
                        .change("subjectOrgId", event.orgId(), successor)
                        .basis(basis)
                        .build());
            }
        }
        for (OpenStepAt step : store.openStepsActedOnBy(event.orgId())) {
            Chain chain = store.chain(step.chainCode()).orElseThrow();
            ChainStep definition = chain.steps().get(step.position() - 1);
            OrgSummary subject = orgs.current(step.subjectOrgId()).orElse(null);
            if (subject == null) {
                log.warn("Approval request {}: its subject organisation has ended; the step stays", step.requestId());
                continue;
            }
            OrgSummary acting;
            try {
                acting = requests.actingOrg(definition.actingLevel(), subject);
            } catch (DomainException e) {
                log.warn(
                        "Approval request {}: no acting organisation after the change ({})",
                        step.requestId(),
                        e.code());
                continue;
            }
            store.moveStep(step.stepId(), acting.id());
            audit.record(AuditEvent.of(AuditAction.UPDATE, ApprovalRequests.TARGET, step.requestId())
                    .change("actingOrgId", event.orgId(), acting.id())
                    .detail("step", step.position())
                    .basis(basis)
                    .build());
            // The new acting organisation's people hear of the step as if it had just opened.
            events.publishEvent(new ApprovalStepOpened(
                    step.stepId(),
                    step.requestId(),
                    chain.name(),
                    step.title(),
                    step.position(),
                    definition.actionKind(),
                    acting.id(),
                    acting.name(),
                    step.dueOn()));
        }
    }
}
