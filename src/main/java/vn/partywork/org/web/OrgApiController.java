package vn.partywork.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.org.OrgDetails;
import vn.partywork.org.OrgHistoryEntry;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgPage;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.OrgTreeNode;
import vn.partywork.org.web.OrgRequests.AbsorbBody;
import vn.partywork.org.web.OrgRequests.DissolveBody;
import vn.partywork.org.web.OrgRequests.EstablishBody;
import vn.partywork.org.web.OrgRequests.MergeBody;
import vn.partywork.org.web.OrgRequests.RenameBody;
import vn.partywork.org.web.OrgRequests.SplitBody;
import vn.partywork.org.web.OrgRequests.TransferBody;
import vn.partywork.shared.AccessScope;

/** The organisation tree over JSON (P-ORG-1, P-ORG-2); every call is limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "Tổ chức đảng", description = "Cây tổ chức đảng, lịch sử và sắp xếp tổ chức")
class OrgApiController {

    private final OrgStructure structure;
    private final OrgRestructuring restructuring;

    OrgApiController(OrgStructure structure, OrgRestructuring restructuring) {
        this.structure = structure;
        this.restructuring = restructuring;
    }

    @GetMapping
    @Operation(summary = "Tìm tổ chức đảng hiện hành theo tên hoặc mã (không phân biệt dấu)")
    OrgPage search(
            @Parameter(hidden = true) AccessScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return structure.search(scope, q, page, size);
    }

    @GetMapping("/roots")
    @Operation(summary = "Các tổ chức gốc trong phạm vi được phân quyền, theo ngày")
    List<OrgTreeNode> roots(
            @Parameter(hidden = true) AccessScope scope,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return structure.roots(scope, asOf);
    }

    @GetMapping("/counts")
    @Operation(summary = "Số tổ chức đảng hiện hành theo loại trong phạm vi được phân quyền")
    Map<OrgKind, Long> counts(@Parameter(hidden = true) AccessScope scope) {
        return structure.countByKind(scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một tổ chức đảng theo ngày, kèm các tổ chức cấp trên")
    OrgDetails organisation(
            @Parameter(hidden = true) AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return structure.organisation(scope, id, asOf);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "Các tổ chức trực thuộc theo ngày, kèm số tổ chức trực thuộc của từng tổ chức")
    List<OrgTreeNode> children(
            @Parameter(hidden = true) AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return structure.children(scope, id, asOf);
    }

    @GetMapping("/{id}/descendants")
    @Operation(summary = "Toàn bộ tổ chức cấp dưới hiện hành, phân trang theo thứ tự cây")
    OrgPage descendants(
            @Parameter(hidden = true) AccessScope scope,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return structure.descendants(scope, id, page, size);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Lịch sử thành lập, đổi tên, chuyển giao, chia tách, hợp nhất, sáp nhập, giải thể")
    List<OrgHistoryEntry> history(@Parameter(hidden = true) AccessScope scope, @PathVariable long id) {
        return structure.history(scope, id);
    }

    @PostMapping
    @Operation(summary = "Thành lập tổ chức đảng")
    ResponseEntity<OrgSummary> establish(
            @Parameter(hidden = true) AccessScope scope, @Valid @RequestBody EstablishBody body) {
        OrgSummary created = restructuring.establish(scope, body.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/rename")
    @Operation(summary = "Đổi tên (và mã) tổ chức đảng")
    OrgSummary rename(
            @Parameter(hidden = true) AccessScope scope, @PathVariable long id, @Valid @RequestBody RenameBody body) {
        return restructuring.rename(scope, body.toCommand(id));
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Chuyển giao tổ chức đảng (cùng toàn bộ tổ chức trực thuộc) sang tổ chức cấp trên mới")
    OrgSummary transfer(
            @Parameter(hidden = true) AccessScope scope, @PathVariable long id, @Valid @RequestBody TransferBody body) {
        return restructuring.transfer(scope, body.toCommand(id));
    }

    @PostMapping("/{id}/split")
    @Operation(summary = "Chia tách tổ chức đảng thành các tổ chức mới")
    List<OrgSummary> split(
            @Parameter(hidden = true) AccessScope scope, @PathVariable long id, @Valid @RequestBody SplitBody body) {
        return restructuring.split(scope, body.toCommand(id));
    }

    @PostMapping("/merge")
    @Operation(summary = "Hợp nhất các tổ chức đảng thành một tổ chức mới")
    OrgSummary merge(@Parameter(hidden = true) AccessScope scope, @Valid @RequestBody MergeBody body) {
        return restructuring.merge(scope, body.toCommand());
    }

    @PostMapping("/{id}/absorb")
    @Operation(summary = "Sáp nhập tổ chức đảng vào một tổ chức hiện có")
    OrgSummary absorb(
            @Parameter(hidden = true) AccessScope scope, @PathVariable long id, @Valid @RequestBody AbsorbBody body) {
        return restructuring.absorb(scope, body.toCommand(id));
    }

    @PostMapping("/{id}/dissolve")
    @Operation(summary = "Giải thể tổ chức đảng")
    OrgSummary dissolve(
            @Parameter(hidden = true) AccessScope scope, @PathVariable long id, @Valid @RequestBody DissolveBody body) {
        return restructuring.dissolve(scope, body.toCommand(id));
    }
}
