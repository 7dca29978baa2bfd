package vn.partywork.access.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.access.GrantView;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/** Grants for API clients (P-AZ-1). */
@RestController
@RequestMapping("/api/v1/admin/grants")
class GrantApiController {

    record GrantRequest(
            @Nullable Long accountId,
            @Nullable Role role,
            @Nullable Long orgId,
            @Nullable Set<Database> databases,
            @Nullable Classification ceiling,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String documentNumber,
            @Nullable String note,
            @Nullable Boolean aggregateOnly) {}

    record RevokeRequest(@Nullable Integer version) {}

    private final Grants grants;

    GrantApiController(Grants grants) {
        this.grants = grants;
    }

    @GetMapping
    List<GrantView> list(
            @AuthenticationPrincipal AccountPrincipal actor, @RequestParam(required = false) @Nullable Long accountId) {
        return grants.list(actor, accountId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GrantView grant(@AuthenticationPrincipal AccountPrincipal actor, @RequestBody GrantRequest request) {
        if (request.accountId() == null || request.orgId() == null) {
            throw DomainException.invalid("access.grant.accountAndOrgRequired");
        }
        return grants.grant(
                actor,
                new NewGrant(
                        request.accountId(),
                        request.role(),
                        request.orgId(),
                        request.databases() == null ? Set.of() : request.databases(),
                        request.ceiling(),
                        request.validFrom(),
                        request.validTo(),
                        request.documentNumber(),
                        request.note(),
                        Boolean.TRUE.equals(request.aggregateOnly())));
    }

    /** P-ID-5: keeps a grant that waited for review after its holder changed position. */
    @PostMapping("/{id}/confirm-review")
    GrantView confirmReview(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable RevokeRequest request) {
        return grants.confirmReview(actor, id, request == null ? null : request.version());
    }

    @PostMapping("/{id}/revoke")
    GrantView revoke(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable RevokeRequest request) {
        return grants.revoke(actor, id, request == null ? null : request.version());
    }
}
