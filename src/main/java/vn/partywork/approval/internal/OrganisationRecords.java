package vn.partywork.approval.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.approval.CorrectableField;
import vn.partywork.approval.CorrectableRecord;
import vn.partywork.approval.CorrectableRecords;
import vn.partywork.approval.CorrectionBasis;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.org.CorrectRecordedError;
import vn.partywork.org.OrgCorrections;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * P-WF-3 for organisations: a recorded error (a typo) in the current name or code of an
 * organisation. This adapter lives here, not in the org module, because the org module sits below
 * approval (approval resolves acting organisations through it) and may not depend on it; the rules
 * and the change itself stay in the org module ({@link OrgCorrections}).
 *
 * <p>Who asks: whoever may write the organisation's data (organisation staff of a level above, the
 * cell secretary of a cell). Who approves: the head of the unit, i.e. a holder of APPROVE
 * (committee leader) on the organisation itself or any level above it, since the request's subject
 * organisation is the organisation whose record is corrected.
 */
@Component
class OrganisationRecords implements CorrectableRecords {

    static final String TYPE = "organisation";
    static final String NAME = "name";
    static final String CODE = "code";

    private final OrgCorrections orgs;
    private final OrgDirectory directory;

    OrganisationRecords(OrgCorrections orgs, OrgDirectory directory) {
        this.orgs = orgs;
        this.directory = directory;
    }

    @Override
    public String recordType() {
        return TYPE;
    }

    @Override
    public String recordLabel() {
        return "Tổ chức đảng";
    }

    @Override
    public List<CorrectableField> fields() {
        return List.of(new CorrectableField(NAME, "Tên tổ chức đảng"), new CorrectableField(CODE, "Mã tổ chức đảng"));
    }

    @Override
    public Optional<CorrectableRecord> find(AccessScope scope, String recordId) {
        return id(recordId).flatMap(id -> orgs.current(scope, id)).map(c -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(NAME, c.org().name());
            values.put(CODE, c.org().code());
            return new CorrectableRecord(
                    String.valueOf(c.org().id()), c.org().name(), c.org().id(), values, c.writable());
        });
    }

    @Override
    public void check(String recordId, List<ProposedChange> changes) {
        OrgSummary now = id(recordId)
                .flatMap(directory::current)
                .orElseThrow(() -> DomainException.notFound("approval.correction.record.notFound"));
        orgs.check(now.id(), value(changes, NAME, now.name(), true), value(changes, CODE, now.code(), true));
    }

    @Override
    public void apply(String recordId, List<ProposedChange> changes, CorrectionBasis basis) {
        OrgSummary now = id(recordId).flatMap(directory::current).orElseThrow(CorrectionRequests::stale);
        try {
            orgs.correct(new CorrectRecordedError(
                    now.id(),
                    value(changes, NAME, now.name(), false),
                    value(changes, CODE, now.code(), false),
                    value(changes, NAME, now.name(), true),
                    value(changes, CODE, now.code(), true),
                    basis.requestId(),
                    basis.text(),
                    basis.approvedBy()));
        } catch (DomainException e) {
            if (e.code().equals("org.correction.stale")) {
                throw CorrectionRequests.stale();
            }
            throw e;
        }
    }

    /**
     * The new (or old) value of a field the request changes; for a field it leaves alone, the value
     * the organisation has now ({@link OrgCorrections#correct} compares both under the row lock).
     */
    private static String value(List<ProposedChange> changes, String field, String current, boolean newValue) {
        return changes.stream()
                .filter(c -> c.field().equals(field))
                .map(c -> newValue ? c.newValue() : c.oldValue())
                .map(v -> v == null ? "" : v)
                .findFirst()
                .orElse(current);
    }

    private static Optional<Long> id(String recordId) {
        try {
            return Optional.of(Long.parseLong(recordId.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
