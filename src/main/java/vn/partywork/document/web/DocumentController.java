package vn.partywork.document.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.partywork.document.Documents;
import vn.partywork.shared.AccessScope;

/** Download of a file from a page (evidence of a correction request, …); scoped through its owner. */
@Controller
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(AccessScope scope, @PathVariable long id) {
        return DocumentDownloads.attachment(documents.read(scope, id));
    }
}
