package vn.partywork.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.approval.RequestDetails;
import vn.partywork.member.DataSource;
import vn.partywork.member.FieldGroup;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberPage;
import vn.partywork.member.MemberRecord;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.MembershipPeriod;
import vn.partywork.member.NewMember;
import vn.partywork.member.PartyDataChange;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/** The member database over JSON (issue 5 item 9): scoped search, records, creation, party data, proposals. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(
        name = "Đảng viên",
        description = "Cơ sở dữ liệu đảng viên: tìm kiếm theo phạm vi, hồ sơ, cập nhật, đề nghị thay đổi")
class MemberApiController {

    private static final String REQUIRED = "Bắt buộc nhập.";

    private final MemberRegistry registry;

    MemberApiController(MemberRegistry registry) {
        this.registry = registry;
    }

    /** A record as JSON: the form's values by field key, and its state. */
    record MemberJson(
            long id,
            Map<String, @Nullable String> fields,
            Map<String, String> catalogueNames,
            long cellId,
            String cellName,
            MemberStatus status,
            @Nullable Long accountId,
            @Nullable Long admissionRequestId,
            Map<FieldGroup, DataSource> sources,
            int version,
            boolean canEditParty,
            boolean canPropose) {

        static MemberJson of(MemberRecord r) {
            Map<String, @Nullable String> fields = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (MemberField f : MemberField.values()) {
                fields.put(f.key(), r.value(f));
                if (r.catalogueNames().containsKey(f)) {
                    names.put(f.key(), r.catalogueNames().get(f));
                }
            }
            return new MemberJson(
                    r.id(),
                    fields,
                    names,
                    r.cellId(),
                    r.cellName(),
                    r.status(),
                    r.accountId(),
                    r.admissionRequestId(),
                    r.sources(),
                    r.version(),
                    r.canEditParty(),
                    r.canPropose());
        }
    }

    record CreateBody(
            @NotNull(message = REQUIRED) Long cellId,
            @NotNull(message = REQUIRED) Map<String, @Nullable String> fields,
            @Nullable MemberStatus status,
            @Nullable DataSource source,
            @Nullable Long accountId,
            /** True for a new probationary member's admission form (MEMBER_ADMISSION, M-2). */
            @Nullable Boolean admission) {}

    record UpdateBody(
            @NotNull(message = REQUIRED) Integer version,
            @Nullable Map<String, @Nullable String> fields,
            @Nullable Long cellId,
            @Nullable MemberStatus status,
            @Nullable LocalDate effectiveOn,
            @Nullable String basis,
            @Nullable DataSource source) {}

    record ProposalBody(@NotNull(message = REQUIRED) Map<String, @Nullable String> fields) {}

    @GetMapping
    @Operation(summary = "Tìm đảng viên trong phạm vi được phân quyền (tên không dấu, gõ sai nhẹ vẫn tìm được)")
    MemberPage search(
            AccessScope scope,
            @ModelAttribute MemberSearchForm form,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return registry.search(scope, form.query(), page, size);
    }

    @GetMapping("/me")
    @Operation(summary = "Hồ sơ đảng viên của chính người gọi (tài khoản đảng viên)")
    MemberJson me(AccessScope scope) {
        return registry.ownRecord(scope)
                .map(MemberJson::of)
                .orElseThrow(() -> DomainException.notFound("member.record.none"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một hồ sơ đảng viên (ghi nhật ký truy cập)")
    MemberJson record(AccessScope scope, @PathVariable long id) {
        return MemberJson.of(registry.record(scope, id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Quá trình sinh hoạt đảng: chi bộ và trạng thái theo thời gian")
    List<MembershipPeriod> history(AccessScope scope, @PathVariable long id) {
        return registry.readHistory(scope, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Nhập hồ sơ đảng viên (số hóa, trực tiếp) hoặc phiếu kết nạp đảng viên mới (admission=true: qua quy trình MEMBER_ADMISSION)")
    MemberJson create(AccessScope scope, @Valid @RequestBody CreateBody body) {
        NewMember command = new NewMember(body.fields(), body.cellId(), body.status(), body.source(), body.accountId());
        return MemberJson.of(
                Boolean.TRUE.equals(body.admission())
                        ? registry.admit(scope, command)
                        : registry.register(scope, command));
    }

    @PutMapping("/{id}")
    @Operation(
            summary =
                    "Tổ chức đảng cập nhật trực tiếp thông tin về Đảng, chi bộ, trạng thái (khóa lạc quan theo version)")
    MemberJson update(AccessScope scope, @PathVariable long id, @Valid @RequestBody UpdateBody body) {
        return MemberJson.of(registry.updatePartyData(
                scope,
                id,
                new PartyDataChange(
                        body.fields() == null ? Map.of() : body.fields(),
                        body.cellId(),
                        body.status(),
                        body.effectiveOn(),
                        body.basis(),
                        body.source(),
                        body.version())));
    }

    @PostMapping("/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đề nghị cập nhật thông tin tự kê khai (qua quy trình MEMBER_UPDATE)")
    RequestDetails propose(AccessScope scope, @PathVariable long id, @Valid @RequestBody ProposalBody body) {
        return registry.proposeUpdate(scope, id, body.fields());
    }
}
