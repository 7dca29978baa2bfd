package vn.partywork.member.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.catalogue.Catalogues;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberField;
import vn.partywork.member.internal.xlsx.ImportMode;
import vn.partywork.member.internal.xlsx.ImportWorkbooks;
import vn.partywork.member.internal.xlsx.MemberImport;
import vn.partywork.org.OrgPage;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/** What the import page and the import API share: the template, the upload's temporary copy, the mode. */
@Component
class MemberImportSupport {

    static final String XLSX = MemberExporter.XLSX;
    /** Cells listed in the template (the organisation search pages this far). */
    private static final int TEMPLATE_ORGS = OrgStructure.SEARCH_COUNT_CAP;

    private final MemberImport imports;
    private final OrgStructure orgs;
    private final Catalogues catalogues;

    MemberImportSupport(MemberImport imports, OrgStructure orgs, Catalogues catalogues) {
        this.imports = imports;
        this.orgs = orgs;
        this.catalogues = catalogues;
    }

    void template(AccessScope scope, OutputStream out) throws IOException {
        Map<String, Map.Entry<String, List<CatalogueEntry>>> entries = new LinkedHashMap<>();
        for (MemberField f : MemberField.values()) {
            if (f.catalogue() != null) {
                CatalogueVersion version = catalogues.current(f.catalogue());
                entries.put(f.catalogue(), new AbstractMap.SimpleEntry<>(version.catalogueName(), version.entries()));
            }
        }
        List<OrgSummary> cells = new ArrayList<>();
        int seen = 0;
        boolean cut = false;
        for (int page = 0; seen < TEMPLATE_ORGS; page++) {
            OrgPage found = orgs.search(scope, null, page, OrgStructure.MAX_PAGE_SIZE);
            for (OrgSummary o : found.items()) {
                if (o.kind().isCell() && scope.canWrite(Database.ORGANISATION_MEMBER, o.path())) {
                    cells.add(o);
                }
            }
            seen += found.items().size();
            if (found.items().size() < OrgStructure.MAX_PAGE_SIZE) {
                break;
            }
            cut = seen >= TEMPLATE_ORGS;
        }
        ImportWorkbooks.template(out, entries, cells, cut);
    }

    /** Starts a job from an uploaded part: checked, copied to a temporary file the job deletes. */
    Accepted accept(AccessScope scope, @Nullable MultipartFile file, @Nullable String mode, @Nullable String source)
            throws IOException {
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw DomainException.invalid("member.import.fileRequired");
        }
        ImportMode importMode = mode(mode);
        DataSource dataSource = source(source);
        String name = file.getOriginalFilename() == null ? "tep.xlsx" : file.getOriginalFilename();
        if (file.getSize() > MemberImport.MAX_FILE) {
            throw DomainException.invalid("member.import.tooLarge", MemberImport.MAX_FILE / 1024 / 1024);
        }
        Path copy = Files.createTempFile("member-import-", ".xlsx");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            MemberImport.Upload upload =
                    new MemberImport.Upload(copy, name, file.getSize(), file.getContentType(), importMode, dataSource);
            return new Accepted(imports.accept(scope, upload), upload);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    record Accepted(long jobId, MemberImport.Upload upload) {}

    static ImportMode mode(@Nullable String mode) {
        if (mode == null || mode.isBlank()) {
            return ImportMode.ALL;
        }
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> ImportMode.ALL;
            case "valid" -> ImportMode.VALID;
            default -> throw DomainException.invalid("member.import.mode");
        };
    }

    static DataSource source(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return DataSource.DIGITISED_PAPER;
        }
        try {
            DataSource value = DataSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
            if (value == DataSource.SELF_DECLARED) {
                throw DomainException.invalid("member.import.source");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("member.import.source");
        }
    }
}
