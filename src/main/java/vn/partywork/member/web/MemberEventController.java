package vn.partywork.member.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.member.AttachedFile;
import vn.partywork.member.IssueTransfer;
import vn.partywork.member.LifeEventKind;
import vn.partywork.member.MemberDocuments;
import vn.partywork.member.MemberLifeEvents;
import vn.partywork.member.MemberRecord;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.MemberTransfer;
import vn.partywork.member.RecordLifeEvent;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * Pages of the life events (M-4) and attached documents (M-1) of a member: the form of a life event
 * with its decision and the decision's scan, the transfer form (official or temporary, to a cell of
 * the caller's organisations or, by name, of another province), the open transfers of the caller's
 * organisations ({@code /members/transfers}) with acceptance and return, and the upload of a file
 * to the dossier. Refusals the user can correct show on the form.
 */
@Controller
class MemberEventController {

    private final MemberRegistry registry;
    private final MemberLifeEvents lifeEvents;
    private final MemberDocuments documents;
    private final OrgStructure orgs;
    private final OrgDirectory directory;
    private final MessageSource messages;
    private final java.time.Clock clock;

    MemberEventController(
            MemberRegistry registry,
            MemberLifeEvents lifeEvents,
            MemberDocuments documents,
            OrgStructure orgs,
            OrgDirectory directory,
            MessageSource messages,
            java.time.Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.lifeEvents = lifeEvents;
        this.documents = documents;
        this.orgs = orgs;
        this.directory = directory;
        this.messages = messages;
    }

    /** What the user typed in a decision form, kept to show it again with a refusal. */
    record DecisionForm(
            @Nullable String number,
            @Nullable LocalDate date,
            @Nullable String issuer,
            @Nullable LocalDate effectiveOn,
            @Nullable LocalDate endsOn,
            @Nullable Integer badgeYears,
            @Nullable String note) {}

    // --- life events

    @GetMapping("/members/{id}/events/new")
    String eventForm(AccessScope scope, @PathVariable long id, @RequestParam LifeEventKind kind, Model model) {
        MemberRecord record = registry.record(scope, id);
        if (!lifeEvents.decidable(scope, id).contains(kind)) {
            throw DomainException.forbidden(
                    "member.event.notAuthorised", kind.level().label());
        }
        return eventPage(record, kind, new DecisionForm(null, null, null, null, null, null, null), null, model);
    }

    @PostMapping("/members/{id}/events")
    String recordEvent(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam LifeEventKind kind,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String issuer,
            @RequestParam(required = false) @Nullable LocalDate effectiveOn,
            @RequestParam(required = false) @Nullable LocalDate endsOn,
            @RequestParam(required = false) @Nullable Integer badgeYears,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        DecisionForm form = new DecisionForm(number, date, issuer, effectiveOn, endsOn, badgeYears, note);
        try {
            if (effectiveOn == null) {
                throw DomainException.invalid("member.field.required", "ngày hiệu lực");
            }
            lifeEvents.record(
                    scope,
                    id,
                    new RecordLifeEvent(
                            kind,
                            new Decision(number, date, issuer),
                            effectiveOn,
                            endsOn,
                            badgeYears,
                            note,
                            upload(file)));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return eventPage(registry.record(scope, id), kind, form, message(e), model);
        }
        redirect.addFlashAttribute("flash", "Đã ghi biến động: " + kind.label().toLowerCase(Locale.ROOT) + ".");
        return "redirect:/members/" + id;
    }

    private String eventPage(
            MemberRecord record, LifeEventKind kind, DecisionForm form, @Nullable String error, Model model) {
        model.addAttribute("member", record);
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("milestones", MemberLifeEvents.BADGE_MILESTONES);
        return "members/event";
    }

    // --- transfers

    @GetMapping("/members/{id}/transfer")
    String transferForm(AccessScope scope, @PathVariable long id, Model model) {
        MemberRecord record = registry.record(scope, id);
        if (!lifeEvents.mayIssueTransfer(scope, id)) {
            throw DomainException.forbidden("member.event.notAuthorised", "cấp ủy cơ sở");
        }
        return transferPage(
                scope,
                record,
                false,
                null,
                null,
                new DecisionForm(null, null, null, null, null, null, null),
                null,
                model);
    }

    @PostMapping("/members/{id}/transfer")
    String issueTransfer(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean temporary,
            @RequestParam(required = false) @Nullable Long toCellId,
            @RequestParam(required = false) @Nullable String destination,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String issuer,
            @RequestParam(required = false) @Nullable LocalDate issuedOn,
            @RequestParam(required = false) @Nullable LocalDate until,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        DecisionForm form = new DecisionForm(number, date, issuer, issuedOn, until, null, null);
        try {
            long to = destination(toCellId, destination);
            lifeEvents.issueTransfer(
                    scope,
                    id,
                    new IssueTransfer(
                            temporary, to, new Decision(number, date, issuer), issuedOn, until, upload(file)));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && e.code().equals("member.notFound")) {
                throw e;
            }
            return transferPage(
                    scope, registry.record(scope, id), temporary, toCellId, destination, form, message(e), model);
        }
        redirect.addFlashAttribute(
                "flash", "Đã lập giấy chuyển sinh hoạt đảng; đảng viên ở chi bộ cũ cho đến khi nơi đến tiếp nhận.");
        return "redirect:/members/" + id;
    }

    /** A cell chosen from the list, or named (a cell of another province the caller does not read). */
    private long destination(@Nullable Long toCellId, @Nullable String name) {
        if (toCellId != null) {
            return toCellId;
        }
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("member.transfer.destinationRequired");
        }
        List<OrgSummary> cells = directory.search(name.strip(), null, 10).stream()
                .filter(o -> o.kind().isCell())
                .toList();
        List<OrgSummary> exact = cells.stream()
                .filter(o -> o.name().equalsIgnoreCase(name.strip()) || o.code().equalsIgnoreCase(name.strip()))
                .toList();
        if (exact.size() == 1) {
            return exact.get(0).id();
        }
        if (cells.size() == 1) {
            return cells.get(0).id();
        }
        if (cells.isEmpty()) {
            throw DomainException.notFound("member.transfer.destinationNotFound");
        }
        throw DomainException.invalid(
                "member.transfer.destinationAmbiguous",
                String.join("; ", cells.stream().map(OrgSummary::name).toList()));
    }

    private String transferPage(
            AccessScope scope,
            MemberRecord record,
            boolean temporary,
            @Nullable Long toCellId,
            @Nullable String destination,
            DecisionForm form,
            @Nullable String error,
            Model model) {
        model.addAttribute("member", record);
        model.addAttribute("temporary", temporary);
        model.addAttribute("toCellId", toCellId);
        model.addAttribute("destination", destination);
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute(
                "cells",
                orgs.search(scope, null, 0, OrgStructure.MAX_PAGE_SIZE).items().stream()
                        .filter(o -> o.kind().isCell() && o.id() != record.cellId())
                        .toList());
        return "members/transfer";
    }

    @GetMapping("/members/transfers")
    String transfers(AccessScope scope, Model model) {
        var lists = lifeEvents.pending(scope);
        model.addAttribute("incoming", lists.incoming());
        model.addAttribute("outgoing", lists.outgoing());
        model.addAttribute(
                "acceptable",
                lists.incoming().stream()
                        .filter(t -> lifeEvents.mayAccept(scope, t))
                        .map(MemberTransfer::id)
                        .toList());
        model.addAttribute(
                "returnable",
                java.util.stream.Stream.concat(lists.incoming().stream(), lists.outgoing().stream())
                        .filter(t -> lifeEvents.mayReturn(scope, t))
                        .map(MemberTransfer::id)
                        .distinct()
                        .toList());
        model.addAttribute(
                "cancellable",
                lists.outgoing().stream()
                        .filter(t -> lifeEvents.mayCancel(scope, t))
                        .map(MemberTransfer::id)
                        .toList());
        model.addAttribute("today", registryToday());
        return "members/transfers";
    }

    @PostMapping("/members/transfers/{id}/accept")
    String accept(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable LocalDate day,
            RedirectAttributes redirect) {
        try {
            MemberTransfer t = lifeEvents.acceptTransfer(scope, id, day, version);
            redirect.addFlashAttribute("flash", "Đã tiếp nhận đảng viên " + t.memberName() + ".");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", message(e));
        }
        return "redirect:/members/transfers";
    }

    @PostMapping("/members/transfers/{id}/cancel")
    String cancel(AccessScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            MemberTransfer t = lifeEvents.cancelTransfer(scope, id, version);
            redirect.addFlashAttribute(
                    "flash",
                    "Đã hủy giấy chuyển sinh hoạt đảng của " + t.memberName() + "; đảng viên ở lại chi bộ cũ.");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", message(e));
        }
        return "redirect:/members/transfers";
    }

    @PostMapping("/members/transfers/{id}/return")
    String returned(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable LocalDate day,
            RedirectAttributes redirect) {
        try {
            MemberTransfer t = lifeEvents.returnFromTransfer(scope, id, day, version);
            redirect.addFlashAttribute(
                    "flash", "Đã ghi nhận đảng viên " + t.memberName() + " trở về chi bộ chính thức.");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", message(e));
        }
        return "redirect:/members/transfers";
    }

    // --- attached documents

    @PostMapping("/members/{id}/documents")
    String attach(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect) {
        AttachedFile upload = upload(file);
        try {
            if (upload == null) {
                throw DomainException.invalid("member.document.required");
            }
            documents.store(scope, id, upload);
            redirect.addFlashAttribute("flash", "Đã đính kèm tệp " + upload.name() + ".");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && e.code().equals("member.notFound")
                    || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", message(e));
        }
        return "redirect:/members/" + id + "#documents";
    }

    // --- helpers

    private static @Nullable AttachedFile upload(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return MemberEventApiController.file(file);
    }

    private LocalDate registryToday() {
        return LocalDate.now(clock);
    }

    private String message(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("error." + e.code(), e.args(), "error." + e.code(), locale);
    }
}
