package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.DeviceRegister.DeviceCredential;
import vn.partywork.identity.NewDevice;
import vn.partywork.shared.DomainException;

/**
 * P-ID-7: the administrators' device register ({@code /admin/devices}) and the holder's activation
 * of a device ({@code /account/device}), which sets the device cookie in this browser.
 */
@Controller
class DeviceController {

    record DeviceForm(
            @Nullable String name,
            @Nullable String holderIdentifier,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate expiresOn) {}

    private final DeviceRegister devices;
    private final DeviceCheck check;
    private final ErrorTexts errors;
    private final Clock clock;

    DeviceController(DeviceRegister devices, DeviceCheck check, ErrorTexts errors, Clock clock) {
        this.clock = clock;
        this.devices = devices;
        this.check = check;
        this.errors = errors;
    }

    @GetMapping("/admin/devices")
    String list(@AuthenticationPrincipal AccountPrincipal actor, Model model) {
        return page(actor, new DeviceForm(null, null, null), model);
    }

    @PostMapping("/admin/devices")
    String register(
            @AuthenticationPrincipal AccountPrincipal actor,
            DeviceForm form,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute(
                    "issued",
                    devices.register(
                            actor, new NewDevice(form.name(), form.holderIdentifier(), null, form.expiresOn())));
            // The activation code is shown once: never kept by a cache.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(actor, new DeviceForm(null, null, null), model);
        } catch (DomainException e) {
            model.addAttribute("error", errors.of(e));
            return page(actor, form, model);
        }
    }

    @PostMapping("/admin/devices/{id}/{action:suspend|reactivate|revoke}")
    String change(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "suspend" -> devices.suspend(actor, id, version);
                case "reactivate" -> devices.reactivate(actor, id, version);
                default -> devices.revoke(actor, id, version);
            }
            redirect.addFlashAttribute("message", errors.text("identity.device.done." + action));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.of(e));
        }
        return "redirect:/admin/devices";
    }

    @GetMapping("/account/device")
    String device(@AuthenticationPrincipal AccountPrincipal account, HttpServletRequest request, Model model) {
        model.addAttribute("permitted", check.permitted(account.accountId(), DeviceCheck.credentialOf(request)));
        return "identity/device";
    }

    @PostMapping("/account/device")
    String activate(
            @AuthenticationPrincipal AccountPrincipal account,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        DeviceCredential credential;
        try {
            credential = devices.activate(account, code);
        } catch (DomainException e) {
            model.addAttribute("permitted", check.permitted(account.accountId(), DeviceCheck.credentialOf(request)));
            model.addAttribute("error", errors.of(e));
            return "identity/device";
        }
        ResponseCookie cookie = ResponseCookie.from(DeviceCheck.COOKIE, credential.credential())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.between(clock.instant(), credential.expiresAt()))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        redirect.addFlashAttribute("message", errors.text("identity.device.done.activate"));
        return "redirect:/account/device";
    }

    private String page(AccountPrincipal actor, DeviceForm form, Model model) {
        model.addAttribute("devices", devices.list(actor));
        model.addAttribute("form", form);
        return "admin/devices";
    }
}
