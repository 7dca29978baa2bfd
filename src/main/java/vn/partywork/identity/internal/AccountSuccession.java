package vn.partywork.identity.internal;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.org.OrganisationEnded;

/**
 * P-ORG-2 with P-ID-2 (issue 6): accounts homed at an organisation that was merged or absorbed move
 * to the organisation that carries on its work, after the restructuring committed, in a transaction
 * of their own; each move is audited with the structural change as its basis. A split leaves several
 * successors and no rule to choose among them: those accounts keep their home until an administrator
 * moves them (logged). A dissolution with active accounts is refused before it happens
 * ({@link AccountDissolutionCheck}).
 */
@Component
class AccountSuccession {

    private static final Logger log = LoggerFactory.getLogger(AccountSuccession.class);

    private final AccountStore accounts;
    private final AuditLog audit;

    AccountSuccession(AccountStore accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @ApplicationModuleListener(id = "identity.organisation-ended")
    void on(OrganisationEnded event) {
        if (event.successorIds().size() != 1) {
            if (accounts.countActiveWithHomeOrg(event.orgId()) > 0) {
                log.warn(
                        "Organisation {} ended ({}) with several or no successors; its accounts keep it as their home"
                                + " until an administrator moves them",
                        event.orgId(),
                        event.kind());
            }
            return;
        }
        long successor = event.successorIds().get(0);
        String basis = "Thay đổi tổ chức số " + event.structuralChangeId() + " ("
                + event.kind().label() + ")";
        List<Map.Entry<Long, String>> moved = accounts.moveHome(event.orgId(), successor);
        for (Map.Entry<Long, String> account : moved) {
            audit.record(AuditEvent.of(AuditAction.UPDATE, "account", account.getKey())
                    .change("homeOrgId", event.orgId(), successor)
                    .detail("account", account.getValue())
                    .basis(basis)
                    .build());
        }
    }
}
