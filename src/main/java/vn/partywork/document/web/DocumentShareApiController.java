package vn.partywork.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.access.NewShare;
import vn.partywork.access.ShareView;
import vn.partywork.document.DocumentInfo;
import vn.partywork.document.SharedDocuments;
import vn.partywork.document.SharedDocuments.DocumentComment;
import vn.partywork.document.SharedDocuments.DocumentFile;
import vn.partywork.shared.AccessScope;

/**
 * Shares, comments and description of a file over the API (P-AZ-2). Access: the file's page for the
 * owner side or a grantee in force; the shares for the owner side, sharing and revoking for the
 * uploader; comments for the owner side and grantees at COMMENT or EDIT; the description for the
 * uploader and grantees at EDIT. Anyone else gets 404 {@code document.notFound} (or
 * {@code access.share.recordNotFound}), as for a file that does not exist.
 */
@RestController
@RequestMapping("/api/v1/documents/{id}")
@Tag(name = "Tệp đính kèm")
class DocumentShareApiController {

    record CommentRequest(@Nullable String body) {}

    record DescriptionRequest(
            @Nullable String description, @Nullable Integer version) {}

    private final SharedDocuments files;

    DocumentShareApiController(SharedDocuments files) {
        this.files = files;
    }

    @GetMapping("/info")
    @Operation(summary = "Thông tin tệp và những gì người gọi được làm với tệp (trực tiếp hoặc qua chia sẻ)")
    DocumentFile info(AccessScope scope, @PathVariable long id) {
        return files.file(scope, id);
    }

    @GetMapping("/shares")
    @Operation(summary = "Các lượt chia sẻ còn hiệu lực của tệp (người xem được hồ sơ sở hữu tệp)")
    List<ShareView> shares(AccessScope scope, @PathVariable long id) {
        return files.shares(scope, id);
    }

    @PostMapping("/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Chia sẻ tệp cho một tài khoản (chỉ người tải tệp lên)",
            description = "{\"grantee\":\"hcm.tochuc\",\"level\":\"READ|COMMENT|EDIT\",\"expiresOn\":\"2027-01-31\"}")
    ShareView share(AccessScope scope, @PathVariable long id, @RequestBody NewShare request) {
        return files.share(scope, id, request);
    }

    @DeleteMapping("/shares/{shareId}")
    @Operation(summary = "Thu hồi một lượt chia sẻ (có hiệu lực ngay)")
    ShareView revoke(AccessScope scope, @PathVariable long id, @PathVariable long shareId) {
        return files.revoke(scope, id, shareId);
    }

    @GetMapping("/comments")
    @Operation(summary = "Các góp ý về tệp")
    List<DocumentComment> comments(AccessScope scope, @PathVariable long id) {
        return files.comments(scope, id);
    }

    @PostMapping("/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Góp ý về tệp (phía sở hữu hoặc người được chia sẻ ở mức góp ý trở lên)")
    DocumentComment comment(AccessScope scope, @PathVariable long id, @RequestBody CommentRequest request) {
        return files.comment(scope, id, request.body());
    }

    @PutMapping("/description")
    @Operation(summary = "Sửa mô tả tệp (người tải lên hoặc người được chia sẻ ở mức chỉnh sửa)")
    DocumentInfo describe(AccessScope scope, @PathVariable long id, @RequestBody DescriptionRequest request) {
        return files.describe(scope, id, request.description(), request.version());
    }
}
