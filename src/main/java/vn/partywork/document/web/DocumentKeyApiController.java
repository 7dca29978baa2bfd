package vn.partywork.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.document.Documents;
import vn.partywork.document.Documents.KeyRotation;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.DomainException;

/**
 * Key rotation of the classified files (P-DOC-1): the system administrator's operation (it touches
 * key material, never file content). {@code generate=true} first adds a new random master key to the
 * key file; with configured keys the new key is added to the configuration and this re-wraps.
 */
@RestController
@RequestMapping("/api/v1/admin/documents/keys")
@Tag(name = "Tệp đính kèm")
class DocumentKeyApiController {

    private final Documents documents;

    DocumentKeyApiController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping("/rotate")
    @Operation(summary = "Xoay khóa chính: bọc lại khóa dữ liệu của mọi tệp mật bằng khóa chính đang dùng")
    KeyRotation rotate(
            @AuthenticationPrincipal AccountPrincipal actor, @RequestParam(defaultValue = "false") boolean generate) {
        if (!actor.isSystemAdmin()) {
            throw DomainException.forbidden("auth.forbidden");
        }
        return documents.rotateMasterKey(actor.identifier(), generate);
    }
}
