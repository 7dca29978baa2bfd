package vn.partywork.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.DeviceView;
import vn.partywork.identity.IssuedDeviceCode;
import vn.partywork.identity.NewDevice;

/** P-ID-7: the device register for API clients of administrators; answers mirror the page. */
@RestController
@RequestMapping("/api/v1/admin/devices")
class DeviceApiController {

    record VersionRequest(@Nullable Integer version) {}

    private final DeviceRegister devices;

    DeviceApiController(DeviceRegister devices) {
        this.devices = devices;
    }

    @GetMapping
    List<DeviceView> list(@AuthenticationPrincipal AccountPrincipal actor) {
        return devices.list(actor);
    }

    /** 201 with the one-time activation code: the only time it is ever shown. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedDeviceCode register(@AuthenticationPrincipal AccountPrincipal actor, @RequestBody NewDevice request) {
        return devices.register(actor, request);
    }

    @PostMapping("/{id}/suspend")
    DeviceView suspend(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return devices.suspend(actor, id, request == null ? null : request.version());
    }

    @PostMapping("/{id}/reactivate")
    DeviceView reactivate(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return devices.reactivate(actor, id, request == null ? null : request.version());
    }

    @PostMapping("/{id}/revoke")
    DeviceView revoke(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable VersionRequest request) {
        return devices.revoke(actor, id, request == null ? null : request.version());
    }
}
