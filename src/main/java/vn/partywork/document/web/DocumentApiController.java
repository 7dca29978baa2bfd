package vn.partywork.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.document.Documents;
import vn.partywork.shared.AccessScope;

/** Download of a stored file over the API (P-DOC-1). */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Tệp đính kèm", description = "Tệp điện tử gắn với hồ sơ, có mã băm SHA-256 và độ mật")
class DocumentApiController {

    private final Documents documents;

    DocumentApiController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Tải một tệp (kiểm tra lại mã băm SHA-256; chỉ khi được xem hồ sơ sở hữu tệp)")
    ResponseEntity<byte[]> download(AccessScope scope, @PathVariable long id) {
        return DocumentDownloads.attachment(documents.read(scope, id));
    }
}
