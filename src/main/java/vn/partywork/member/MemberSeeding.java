package vn.partywork.member;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.Accounts;
import vn.partywork.member.internal.MemberBatch;
import vn.partywork.member.internal.MemberRules;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Whole data sets of existing members in one transaction (demo data, a digitised register): every
 * record obeys the rules {@link MemberRegistry#register} applies (M-1: fields, CCCD, dates,
 * uniqueness, a cell the caller writes), and is written in JDBC batches with its membership
 * history and its CREATE audit event. Not for request paths: one bad record refuses the lot.
 */
@Service
public class MemberSeeding {

    private static final Database DB = Database.ORGANISATION_MEMBER;

    private final MemberRules rules;
    private final MemberBatch batch;
    private final OrgDirectory orgs;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    MemberSeeding(
            MemberRules rules, MemberBatch batch, OrgDirectory orgs, Accounts accounts, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.batch = batch;
        this.orgs = orgs;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers the records in order; returns their ids in the same order. */
    @Transactional
    public List<Long> registerAll(AccessScope scope, List<NewMember> commands) {
        Map<Long, OrgSummary> cells = new HashMap<>();
        Set<String> citizenIds = new HashSet<>();
        Set<String> cards = new HashSet<>();
        List<Map<MemberField, String>> checked = new ArrayList<>();
        for (NewMember command : commands) {
            MemberStatus status = command.status() == null ? MemberStatus.OFFICIAL : command.status();
            if (status == MemberStatus.PENDING_ADMISSION) {
                throw DomainException.invalid("member.status.invalid");
            }
            Map<MemberField, String> values = new EnumMap<>(MemberField.class);
            rules.parse(command.values()).forEach((f, v) -> {
                if (v != null) {
                    values.put(f, v);
                }
            });
            rules.check(values, status);
            OrgSummary cell = cells.computeIfAbsent(command.cellId(), this::cell);
            if (!scope.canWrite(DB, cell.path())) {
                throw DomainException.notFound("member.cell.notFound");
            }
            if (!citizenIds.add(values.get(MemberField.CITIZEN_ID))) {
                throw DomainException.conflict("member.citizenId.duplicate");
            }
            String card = values.get(MemberField.PARTY_CARD_NUMBER);
            if (card != null && !cards.add(card)) {
                throw DomainException.conflict("member.partyCard.duplicate");
            }
            if (command.accountId() != null
                    && accounts.byId(command.accountId())
                            .filter(a -> a.type() == AccountType.MEMBER)
                            .isEmpty()) {
                throw DomainException.invalid("member.account.invalid");
            }
            checked.add(values);
        }
        List<String> taken = batch.taken(List.copyOf(citizenIds), List.copyOf(cards));
        if (!taken.isEmpty()) {
            throw DomainException.conflict(
                    citizenIds.contains(taken.get(0)) ? "member.citizenId.duplicate" : "member.partyCard.duplicate");
        }
        List<Long> ids = batch.nextIds(commands.size());
        List<MemberBatch.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            NewMember command = commands.get(i);
            rows.add(new MemberBatch.NewRow(
                    ids.get(i),
                    checked.get(i),
                    command.cellId(),
                    command.status() == null ? MemberStatus.OFFICIAL : command.status(),
                    command.accountId(),
                    command.source() == null ? DataSource.DIGITISED_PAPER : command.source()));
        }
        Instant now = clock.instant();
        batch.insert(rows, scope.accountId(), now);
        List<AuditEvent> events = new ArrayList<>(rows.size());
        for (MemberBatch.NewRow row : rows) {
            // P-AU-2: the new values of each record, as MemberRegistry#register records them.
            AuditEvent.Builder event = AuditEvent.of(AuditAction.CREATE, MemberRegistry.TARGET, row.id())
                    .actorIdentifier(scope.identifier())
                    .basis(row.source().label())
                    .detail("source", row.source().name());
            row.values().forEach((f, v) -> event.change(f.key(), null, v));
            event.change("cellId", null, row.cellId());
            event.change("status", null, row.status().name());
            event.change("accountId", null, row.accountId());
            events.add(event.build());
        }
        audit.recordAll(events); // a few statements for the lot instead of one round trip per record
        return ids;
    }

    private OrgSummary cell(long cellId) {
        OrgSummary org = orgs.current(cellId).orElseThrow(() -> DomainException.notFound("member.cell.notFound"));
        if (!org.kind().isCell()) {
            throw DomainException.invalid("member.cell.notCell", org.name());
        }
        return org;
    }
}
