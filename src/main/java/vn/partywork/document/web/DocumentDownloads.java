package vn.partywork.document.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.partywork.document.DocumentContent;

/** One response for a verified file: always an attachment, never cached, with its real type and name. */
final class DocumentDownloads {

    private DocumentDownloads() {}

    static ResponseEntity<byte[]> attachment(DocumentContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.info().contentType()))
                .contentLength(content.bytes().length)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.info().originalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", content.info().sha256())
                .body(content.bytes());
    }
}
