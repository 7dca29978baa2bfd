package vn.partywork.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.catalogue.CatalogueSummary;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.catalogue.Catalogues;

/** The central catalogues over JSON (P-ORG-3; read-only for now). */
@RestController
@RequestMapping("/api/v1/catalogues")
@Tag(name = "Danh mục", description = "Danh mục chuẩn dùng chung, có phiên bản")
class CatalogueApiController {

    private final Catalogues catalogues;

    CatalogueApiController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping
    @Operation(summary = "Các danh mục và phiên bản đang có hiệu lực")
    List<CatalogueSummary> list() {
        return catalogues.list();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Các giá trị của một danh mục (phiên bản hiện hành hoặc theo ngày)")
    CatalogueVersion catalogue(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return asOf == null ? catalogues.current(code) : catalogues.asOf(code, asOf);
    }
}
