package vn.partywork.identity.web;

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
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountDetails;
import vn.partywork.identity.AccountPage;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountQuery;
import vn.partywork.identity.AccountStatus;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.ChangePosition;
import vn.partywork.identity.IssuedPassword;
import vn.partywork.identity.NewAccount;

/** Account administration for API clients (P-ID-2, P-ID-3, P-ID-5); answers mirror the admin pages. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AccountApiController {

    record CreateAccountRequest(
            @Nullable String identifier,
            @Nullable String displayName,
            @Nullable AccountType type,
            @Nullable Long homeOrgId,
            @Nullable Long managerId,
            @Nullable String issuedTo,
            @Nullable String documentNumber) {}

    /** The version the client last saw; without it the command applies to the current state. */
    record VersionRequest(@Nullable Integer version) {}

    record HandoverRequest(
            @Nullable String personName,
            @Nullable String documentNumber,
            @Nullable Integer version) {}

    private final AccountAdministration administration;

    AccountApiController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    AccountPage search(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable AccountType type,
            @RequestParam(required = false) @Nullable AccountStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return administration.search(actor, new AccountQuery(q, type, status, page, size));
    }

    /** 201 with the one-time default password: the only time it is ever shown. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedPassword create(@AuthenticationPrincipal AccountPrincipal actor, @RequestBody CreateAccountRequest request) {
        return administration.create(
                actor,
                new NewAccount(
                        request.identifier() == null ? "" : request.identifier(),
                        request.displayName() == null ? "" : request.displayName(),
                        request.type(),
                        request.homeOrgId(),
                        request.managerId(),
                        request.issuedTo(),
                        request.documentNumber()));
    }

    @GetMapping("/{id}")
    AccountDetails details(@AuthenticationPrincipal AccountPrincipal actor, @PathVariable long id) {
        return administration.details(actor, id);
    }

    @PostMapping("/{id}/reset-password")
    IssuedPassword resetPassword(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return administration.resetPassword(actor, id, version(request));
    }

    @PostMapping("/{id}/handover")
    IssuedPassword handover(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody HandoverRequest request) {
        return administration.handOver(actor, id, request.version(), request.personName(), request.documentNumber());
    }

    /** P-ID-4: removes the second factor (audited); 409 {@code identity.mfa.notEnrolled} when there is none. */
    @PostMapping("/{id}/reset-mfa")
    AccountView resetMfa(@AuthenticationPrincipal AccountPrincipal actor, @PathVariable long id) {
        return administration.resetMfa(actor, id);
    }

    /** P-ID-5: a new position and/or unit (body: position, homeOrgId, documentNumber, version); the grants wait for review. */
    @PostMapping("/{id}/position")
    AccountView changePosition(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody ChangePosition request) {
        return administration.changePosition(actor, id, request);
    }

    @PostMapping("/{id}/lock")
    AccountView lock(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return administration.lock(actor, id, version(request));
    }

    @PostMapping("/{id}/unlock")
    AccountView unlock(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return administration.unlock(actor, id, version(request));
    }

    @PostMapping("/{id}/deactivate")
    AccountView deactivate(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return administration.deactivate(actor, id, version(request));
    }

    @PostMapping("/{id}/reactivate")
    AccountView reactivate(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return administration.reactivate(actor, id, version(request));
    }

    private static @Nullable Integer version(@Nullable VersionRequest request) {
        return request == null ? null : request.version();
    }
}
