package vn.partywork.audit.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditPage;
import vn.partywork.audit.AuditQuery;
import vn.partywork.audit.AuditRecord;
import vn.partywork.audit.AuditTrail;
import vn.partywork.audit.AuditVerification;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/** The auditor's JSON API (P-AU-1): search, record history, verification and on-demand checkpoints. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verify")
    AuditVerification verify(AccessScope scope) {
        return trail.verify(scope);
    }

    @GetMapping("/events")
    AuditPage events(
            AccessScope scope,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable String targetId,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return trail.search(scope, new AuditQuery(actor, targetType, targetId, action, from, to), page, size);
    }

    @GetMapping("/history")
    List<AuditRecord> history(AccessScope scope, @RequestParam String targetType, @RequestParam String targetId) {
        if (!scope.has(Permission.AUDIT)) {
            throw DomainException.forbidden("audit.forbidden");
        }
        return trail.history(targetType, targetId);
    }

    /** Signs the head now; answers the signed note (C2SP tlog-checkpoint text). */
    @PostMapping(value = "/checkpoints", produces = "text/plain;charset=UTF-8")
    String checkpoint(AccessScope scope) {
        return trail.checkpoint(scope);
    }
}
