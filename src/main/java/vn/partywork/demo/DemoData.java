package vn.partywork.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.NewAccount;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * Loads the demo organisations and accounts into an empty database (one transaction: all or
 * nothing) and logs where the application listens and how to sign in. Runs only with
 * {@code partywork.demo.enabled=true}; a database that already has an organisation tree is left
 * alone.
 */
@Component
@ConditionalOnBooleanProperty("partywork.demo.enabled")
class DemoData implements ApplicationRunner {

    /** The password of every demo account (README). */
    static final String PASSWORD = "Demo@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** One demo account: who it is, where it is homed, and the grant it holds (if any). */
    record DemoAccount(
            String identifier,
            String displayName,
            AccountType type,
            String homeOrg,
            @Nullable Role role,
            Set<Database> databases,
            String description) {}

    static final Set<Database> ORG_DATA = EnumSet.of(Database.ORGANISATION_MEMBER, Database.HANDBOOK);

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(
                    "admin",
                    "Quản trị hệ thống",
                    AccountType.SYSTEM_ADMIN,
                    "TW",
                    null,
                    Set.of(),
                    "quản trị tài khoản toàn hệ thống; không xem dữ liệu nghiệp vụ"),
            new DemoAccount(
                    "tw.tochuc",
                    "Trần Minh Đức",
                    AccountType.USER,
                    "TW",
                    Role.ORG_STAFF,
                    ORG_DATA,
                    "cán bộ Ban Tổ chức Trung ương: toàn bộ cây tổ chức"),
            new DemoAccount(
                    "hn.tochuc",
                    "Nguyễn Thị Thu Hà",
                    AccountType.USER,
                    "HN",
                    Role.ORG_STAFF,
                    ORG_DATA,
                    "cán bộ Ban Tổ chức Thành ủy Hà Nội: chỉ Đảng bộ Thành phố Hà Nội"),
            new DemoAccount(
                    "hcm.tochuc",
                    "Lê Văn Phúc",
                    AccountType.USER,
                    "HCM",
                    Role.ORG_STAFF,
                    ORG_DATA,
                    "cán bộ Ban Tổ chức Thành ủy TP. Hồ Chí Minh: chỉ Đảng bộ TP. Hồ Chí Minh"),
            new DemoAccount(
                    "hn.quantri",
                    "Phạm Quốc Huy",
                    AccountType.ORG_ADMIN,
                    "HN",
                    null,
                    Set.of(),
                    "quản trị tài khoản của Đảng bộ Thành phố Hà Nội"),
            new DemoAccount(
                    "bithu.demo",
                    "Đỗ Thị Lan",
                    AccountType.USER,
                    "HN.HOANKIEM.1",
                    Role.CELL_SECRETARY,
                    ORG_DATA,
                    "Bí thư Chi bộ Tổ dân phố Hàng Bạc (Hà Nội)"),
            new DemoAccount(
                    "danguy.hoankiem",
                    "Bùi Đức Thắng",
                    AccountType.USER,
                    "HN.HOANKIEM",
                    Role.COMMITTEE_LEADER,
                    ORG_DATA,
                    "Bí thư Đảng ủy phường Hoàn Kiếm: thẩm định, ký xác nhận ở cấp cơ sở"),
            new DemoAccount(
                    "dangvien.demo",
                    "Vũ Văn Nam",
                    AccountType.MEMBER,
                    "HN.HOANKIEM.1",
                    null,
                    Set.of(),
                    "đảng viên Chi bộ Tổ dân phố Hàng Bạc: xem chi bộ của mình"),
            new DemoAccount(
                    "kiemtoan",
                    "Hoàng Thị Mai",
                    AccountType.USER,
                    "TW",
                    Role.AUDITOR,
                    EnumSet.allOf(Database.class),
                    "kiểm toán viên: chỉ xem nhật ký hệ thống"),
            new DemoAccount(
                    "hn.lanhdao",
                    "Bùi Quang Minh",
                    AccountType.USER,
                    "HN",
                    Role.COMMITTEE_LEADER,
                    ORG_DATA,
                    "lãnh đạo Thành ủy Hà Nội: xem và phê duyệt (phiếu yêu cầu chỉnh sửa) trong Đảng bộ Thành phố Hà Nội"));

    private final DemoTree tree;
    private final OrgDirectory directory;
    private final AccountAdministration accounts;
    private final Grants grants;
    private final DemoApprovals approvals;
    private final DemoMembers members;
    private final OrgSeeding seeding;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Environment environment;

    DemoData(
            DemoTree tree,
            OrgDirectory directory,
            AccountAdministration accounts,
            Grants grants,
            DemoApprovals approvals,
            DemoMembers members,
            OrgSeeding seeding,
            Clock clock,
            TransactionTemplate transaction,
            Environment environment) {
        this.tree = tree;
        this.approvals = approvals;
        this.members = members;
        this.seeding = seeding;
        this.clock = clock;
        this.directory = directory;
        this.accounts = accounts;
        this.grants = grants;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.root().isPresent()) {
            log.info("Demo data: the database already has an organisation tree; nothing loaded.");
        } else {
            int loaded = transaction.execute(status -> load());
            log.info(
                    "Demo data loaded: {} organisations' tree, {} accounts and {} members.",
                    "Trung ương, Hà Nội, TP. Hồ Chí Minh, Nghệ An",
                    ACCOUNTS.size(),
                    loaded);
        }
        announce();
    }

    /** Loads everything; returns the number of members. */
    private int load() {
        Map<String, OrgSummary> orgs = tree.build();
        Map<String, Long> accountIds = new HashMap<>();
        for (DemoAccount demo : ACCOUNTS) {
            OrgSummary home = orgs.get(demo.homeOrg());
            AccountView account = accounts.createForSeeding(
                    new NewAccount(
                            demo.identifier(),
                            demo.displayName(),
                            demo.type(),
                            demo.type() == AccountType.SYSTEM_ADMIN ? null : home.id(),
                            null,
                            demo.displayName(),
                            "DEMO"),
                    PASSWORD);
            accountIds.put(demo.identifier(), account.id());
            if (demo.role() != null) {
                grants.grantForSeeding(new NewGrant(
                        account.id(),
                        demo.role(),
                        home.id(),
                        demo.databases(),
                        demo.role() == Role.AUDITOR ? Classification.TOP_SECRET : Classification.CONFIDENTIAL,
                        LocalDate.of(2026, 1, 1),
                        null,
                        "DEMO",
                        "Tài khoản trình diễn"));
            }
        }
        long started = System.nanoTime();
        DemoMembers.Loaded loaded = members.load(
                seeding.seedingScope(orgs.get("TW").path()),
                orgs,
                accountIds.get("dangvien.demo"),
                LocalDate.now(clock));
        log.info("Demo members loaded in {} ms.", (System.nanoTime() - started) / 1_000_000);
        approvals.load(loaded.namRecordId(), accountIds.get("dangvien.demo"));
        Map<String, Long> cells = new HashMap<>();
        orgs.forEach((key, org) -> cells.put(key, org.id()));
        approvals.loadPending(accountIds.get("tw.tochuc"), cells, loaded.proposedFor());
        return loaded.members();
    }

    private void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder()
                .append("\n\n  Hệ thống thông tin công tác Đảng: http://localhost:")
                .append(port)
                .append('\n')
                .append("  Demo accounts (password ")
                .append(PASSWORD)
                .append("):\n");
        for (DemoAccount demo : ACCOUNTS) {
            text.append(String.format("    %-14s %s%n", demo.identifier(), demo.description()));
        }
        log.info(text.toString());
    }
}
