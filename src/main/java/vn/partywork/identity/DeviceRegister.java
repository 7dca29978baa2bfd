package vn.partywork.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.internal.DeviceStore;
import vn.partywork.identity.internal.ManagementRules;
import vn.partywork.identity.internal.TokenHashes;
import vn.partywork.shared.DomainException;

/**
 * P-ID-7: the register of devices permitted to reach classified data. An administrator registers a
 * device for a holder account it manages and gets a one-time activation code (valid 72 hours); the
 * holder, signed in on that device, enters the code on {@code /account/device}, which sets a
 * long-lived device cookie bound to the holder's account. Administrators suspend, permit again and
 * revoke devices. Every step is audited; codes and credentials are kept only as SHA-256 hashes.
 */
@Service
public class DeviceRegister {

    static final Duration ACTIVATION_VALIDITY = Duration.ofHours(72);
    static final int DEFAULT_VALIDITY_DAYS = 365;
    private static final int MAX_NAME = 200;
    private static final int LIST_LIMIT = 500;
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A credential handed to the device (the cookie's value) and when it stops working. */
    public record DeviceCredential(long deviceId, String credential, Instant expiresAt) {

        @Override
        public String toString() {
            return "DeviceCredential[device=" + deviceId + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final DeviceStore devices;
    private final AccountAdministration administration;
    private final ManagementRules rules;
    private final AuditLog audit;
    private final Clock clock;

    DeviceRegister(
            DeviceStore devices,
            AccountAdministration administration,
            ManagementRules rules,
            AuditLog audit,
            Clock clock) {
        this.devices = devices;
        this.administration = administration;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a device for a holder the actor manages; returns the one-time activation code. */
    @Transactional
    public IssuedDeviceCode register(AccountPrincipal actor, NewDevice command) {
        rules.requireManager(actor);
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.invalid("identity.device.nameRequired");
        }
        String identifier = command.holderIdentifier() == null
                ? ""
                : command.holderIdentifier().strip().toLowerCase(Locale.ROOT);
        AccountView holder = administration
                .findManaged(actor, identifier)
                .orElseThrow(() -> DomainException.invalid("identity.device.holderNotFound"));
        if (holder.type() == AccountType.SYSTEM_ADMIN || holder.homeOrgId() == null) {
            // P-ID-2: the system administrator never reaches business data, classified or not.
            throw DomainException.invalid("identity.device.holderNotFound");
        }
        if (!holder.isActive()) {
            throw DomainException.invalid("identity.device.holderInactive");
        }
        long orgId = command.orgId() == null ? holder.homeOrgId() : command.orgId();
        if (!rules.managesOrg(actor, orgId)) {
            throw DomainException.forbidden("identity.device.orgOutsideScope");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        LocalDate lastDay = command.expiresOn() == null ? today.plusDays(DEFAULT_VALIDITY_DAYS) : command.expiresOn();
        if (lastDay.isBefore(today)) {
            throw DomainException.invalid("identity.device.expiryInPast");
        }
        Instant expiresAt = lastDay.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        String code = activationCode();
        Instant activationUntil = now.plus(ACTIVATION_VALIDITY);
        long id = devices.insert(
                name,
                holder.id(),
                orgId,
                TokenHashes.sha256(normalise(code)),
                activationUntil,
                expiresAt,
                actor.accountId(),
                now);
        audit.record(AuditEvent.of(AuditAction.CREATE, "device", id)
                .change("name", null, name)
                .change("holder", null, holder.identifier())
                .change("orgId", null, orgId)
                .change("expiresAt", null, expiresAt.toString())
                .build());
        return new IssuedDeviceCode(devices.byId(id).orElseThrow(), code, activationUntil);
    }

    /**
     * The holder, signed in on the device, activates it with the code; returns the device
     * credential to keep in the device cookie. {@code identity.device.codeInvalid} when the code is
     * wrong, expired, used, or another account's.
     */
    @Transactional
    public DeviceCredential activate(AccountPrincipal holder, @Nullable String code) {
        byte[] credential = new byte[32];
        random.nextBytes(credential);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(credential);
        Instant now = clock.instant();
        long id = devices.activate(
                        holder.accountId(),
                        TokenHashes.sha256(normalise(code == null ? "" : code)),
                        TokenHashes.sha256(value),
                        now)
                .orElseThrow(() -> DomainException.invalid("identity.device.codeInvalid"));
        DeviceView device = devices.byId(id).orElseThrow();
        audit.record(AuditEvent.of(AuditAction.UPDATE, "device", id)
                .actorIdentifier(holder.identifier())
                .change("status", DeviceStatus.PENDING.name(), DeviceStatus.ACTIVE.name())
                .detail("event", "deviceActivated")
                .build());
        return new DeviceCredential(id, value, device.expiresAt());
    }

    /** Devices of the organisations the actor manages (every device for a system administrator). */
    @Transactional(readOnly = true)
    public List<DeviceView> list(AccountPrincipal actor) {
        rules.requireManager(actor);
        return devices.list(rules.managedSubtree(actor).orElse(null), LIST_LIMIT);
    }

    /** Temporarily withdraws an active device. */
    @Transactional
    public DeviceView suspend(AccountPrincipal actor, long deviceId, @Nullable Integer version) {
        return change(actor, deviceId, version, DeviceStatus.ACTIVE, DeviceStatus.SUSPENDED);
    }

    /** Permits a suspended device again (its credential still works). */
    @Transactional
    public DeviceView reactivate(AccountPrincipal actor, long deviceId, @Nullable Integer version) {
        return change(actor, deviceId, version, DeviceStatus.SUSPENDED, DeviceStatus.ACTIVE);
    }

    /** Withdraws a device for good; its credential is forgotten. */
    @Transactional
    public DeviceView revoke(AccountPrincipal actor, long deviceId, @Nullable Integer version) {
        return change(actor, deviceId, version, null, DeviceStatus.REVOKED);
    }

    private DeviceView change(
            AccountPrincipal actor,
            long deviceId,
            @Nullable Integer version,
            @Nullable DeviceStatus from,
            DeviceStatus to) {
        rules.requireManager(actor);
        DeviceView device = devices.byId(deviceId)
                .filter(d -> rules.managesOrg(actor, d.orgId()))
                .orElseThrow(() -> DomainException.notFound("identity.device.notFound"));
        if (device.status() == DeviceStatus.REVOKED || (from != null && device.status() != from)) {
            throw DomainException.conflict(
                    "identity.device.statusConflict", device.status().label());
        }
        if (version != null && version != device.version()) {
            throw DomainException.conflict("request.staleVersion");
        }
        devices.setStatus(deviceId, device.version(), to);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "device", deviceId)
                .change("status", device.status().name(), to.name())
                .detail("holder", device.holderIdentifier())
                .build());
        return devices.byId(deviceId).orElseThrow();
    }

    private String activationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }
}
