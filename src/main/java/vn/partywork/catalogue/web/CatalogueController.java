package vn.partywork.catalogue.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.catalogue.Catalogues;

/** The catalogues page: every catalogue with the entries of its version in force (read-only). */
@Controller
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping("/catalogues")
    String catalogues(Model model) {
        List<CatalogueVersion> versions = catalogues.list().stream()
                .map(c -> catalogues.current(c.code()))
                .toList();
        model.addAttribute("catalogues", versions);
        return "catalogue/list";
    }
}
