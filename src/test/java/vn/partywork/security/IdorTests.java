package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.security.EndpointAccessMatrixTests.Outcome;
import vn.partywork.security.EndpointTable.Entry;
import vn.partywork.security.SecurityFixtures.Kind;
import vn.partywork.security.SecurityFixtures.Target;

/**
 * Issue 6 item 10, IDOR: ids guessed from another scope (TP. Hồ Chí Minh, or another account's
 * items) on every endpoint that takes an id — members, files, shares of files, approvals, data
 * access requests, import jobs, notifications, accounts, grants, devices, transfers, organisations —
 * are refused like missing ids: 403 or 404, for the API the same body as a missing id, no trace of
 * the record in the answer, and nothing changed. Comments on files have no id in a URL (they are
 * reached through their file).
 */
@PartyworkTest
class IdorTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    SecurityFixtures fixtures;
    EndpointAccessMatrixTests matrix;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(context, port);
        matrix = new EndpointAccessMatrixTests();
        matrix.fixtures = fixtures;
    }

    @Test
    void idsFromAnotherScopeAreRefusedLikeMissingOnesOnEveryEndpointThatTakesAnId() {
        List<Entry> withIds =
                EndpointTable.list().stream().filter(e -> e.kind() != null).toList();
        assertThat(withIds.stream().map(Entry::kind).distinct()).hasSize(Kind.values().length);
        List<String> leaks = new ArrayList<>();
        String before = fixtures.digest();
        for (Entry entry : withIds) {
            Principal principal = attacker(entry.kind());
            Caller.Reply out = matrix.call(entry, principal, Target.OUT_OF_SCOPE);
            Caller.Reply missing = matrix.call(entry, principal, Target.MISSING);
            for (Caller.Reply reply : List.of(out, missing)) {
                Outcome outcome = Outcome.of(entry, reply);
                // A page form answers a refusal as it answers any failed command: back to the list
                // with the message (302); the digest below proves that nothing was done.
                boolean pageRedirect = !entry.api() && entry.changes() && reply.status() == 302 && !reply.toLogin();
                if (!(outcome == Outcome.REFUSED
                        || pageRedirect
                        || (entry.validatesFirst() && outcome == Outcome.REJECTED))) {
                    leaks.add(entry.key() + " as " + principal + " answered " + reply);
                }
            }
            if (out.status() != missing.status()) {
                leaks.add(entry.key() + ": another scope's id " + out.status() + ", a missing id " + missing.status());
            }
            // (Input refused before the id is looked at: both answers list the same fields, in any order.)
            if (entry.api()
                    && !entry.validatesFirst()
                    && !normalised(out.body()).equals(normalised(missing.body()))) {
                leaks.add(entry.key() + ": the bodies differ: " + out.shortBody() + " / " + missing.shortBody());
            }
            for (String secret : secrets()) {
                if (out.body().contains(secret)) {
                    leaks.add(entry.key() + ": the answer shows " + secret);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(fixtures.digest()).as("refused calls changed nothing").isEqualTo(before);
    }

    @Test
    void sequentialMemberAndOrganisationIdsOfAnotherCityAnswer404WithoutData() {
        Caller hanoiStaff = fixtures.caller(Principal.ORG_STAFF);
        List<Long> hcmMembers = fixtures.jdbc.sql("""
                        SELECT s.member_id FROM member.membership s
                          JOIN org.organisation_version v ON v.org_id = s.cell_id AND v.valid_to = 'infinity'
                         WHERE s.valid_to = 'infinity'
                           AND v.path <@ (SELECT path FROM org.organisation_version
                                           WHERE name = 'Đảng bộ Thành phố Hồ Chí Minh' AND valid_to = 'infinity')
                         ORDER BY s.member_id LIMIT 40""").query(Long.class).list();
        assertThat(hcmMembers).hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        for (long id : hcmMembers) {
            for (String path : List.of(
                    "/api/v1/members/" + id,
                    "/api/v1/members/" + id + "/history",
                    "/api/v1/members/" + id + "/documents")) {
                Caller.Reply reply = hanoiStaff.api("GET", path, null);
                if (reply.status() != 404
                        || !reply.body().contains("\"code\"")
                        || reply.body().contains("fullName")) {
                    leaks.add(path + " → " + reply);
                }
            }
            Caller.Reply page = hanoiStaff.page("GET", "/members/" + id, Map.of());
            if (page.status() != 404) {
                leaks.add("/members/" + id + " → " + page.status());
            }
        }
        // The cell secretary of Hàng Bạc guesses the members of the next cell in the same ward.
        Caller secretary = fixtures.caller(Principal.CELL_SECRETARY);
        List<Long> hangDao = fixtures.jdbc.sql("""
                        SELECT s.member_id FROM member.membership s
                          JOIN org.organisation_version v ON v.org_id = s.cell_id AND v.valid_to = 'infinity'
                         WHERE s.valid_to = 'infinity' AND v.name = 'Chi bộ Tổ dân phố Hàng Đào'
                         ORDER BY s.member_id LIMIT 10""").query(Long.class).list();
        for (long id : hangDao) {
            Caller.Reply reply = secretary.api("GET", "/api/v1/members/" + id, null);
            if (reply.status() != 404) {
                leaks.add("secretary: /api/v1/members/" + id + " → " + reply);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aShareIdOfAnotherFileAndAFileBesideTheSharedOneAnswerLikeMissingOnes() {
        List<String> leaks = new ArrayList<>();
        String before = fixtures.digest();
        // P-AZ-2: the uploader of the in-scope file names the other city's share on its own file.
        Caller uploader = fixtures.caller(Principal.ORG_STAFF);
        long file = fixtures.id(Kind.DOCUMENT, Target.IN_SCOPE);
        long otherShare = fixtures.shareId(Target.OUT_OF_SCOPE, true);
        long missingShare = fixtures.shareId(Target.MISSING, true);
        Caller.Reply other = uploader.api("DELETE", "/api/v1/documents/" + file + "/shares/" + otherShare, null);
        Caller.Reply missing = uploader.api("DELETE", "/api/v1/documents/" + file + "/shares/" + missingShare, null);
        if (other.status() != 404 || !normalised(other.body()).equals(normalised(missing.body()))) {
            leaks.add("DELETE another file's share: " + other + " / missing: " + missing);
        }
        Caller.Reply page = uploader.page("POST", "/documents/" + file + "/shares/" + otherShare + "/revoke", Map.of());
        Caller.Reply pageMissing =
                uploader.page("POST", "/documents/" + file + "/shares/" + missingShare + "/revoke", Map.of());
        if (page.status() != pageMissing.status() || page.status() != 404) {
            leaks.add("page revoke of another file's share: " + page + " / missing: " + pageMissing);
        }
        // The grantee of one file reaches neither the other files of the same member nor the member.
        Caller grantee = fixtures.caller(Principal.SHARE_GRANTEE);
        long besides = fixtures.confidentialDocument;
        long missingFile = fixtures.id(Kind.DOCUMENT, Target.MISSING);
        for (String path :
                List.of("/api/v1/documents/%d", "/api/v1/documents/%d/info", "/api/v1/documents/%d/comments")) {
            Caller.Reply unshared = grantee.api("GET", path.formatted(besides), null);
            Caller.Reply absent = grantee.api("GET", path.formatted(missingFile), null);
            if (unshared.status() != 404 || !normalised(unshared.body()).equals(normalised(absent.body()))) {
                leaks.add(path + " beside the shared file: " + unshared + " / missing: " + absent);
            }
        }
        long member = fixtures.id(Kind.MEMBER, Target.IN_SCOPE);
        Caller.Reply record = grantee.api("GET", "/api/v1/members/" + member, null);
        if (record.status() != 404 || record.body().contains(fixtures.memberInName)) {
            leaks.add("the shared file's member: " + record);
        }
        assertThat(grantee.api("GET", "/api/v1/documents/" + file + "/info", null)
                        .status())
                .as("the shared file itself")
                .isEqualTo(200);
        assertThat(leaks).isEmpty();
        assertThat(fixtures.digest()).as("refused calls changed nothing").isEqualTo(before);
    }

    /** The account that guesses: the one the in-scope sample belongs to or is managed by. */
    private static Principal attacker(Kind kind) {
        return switch (kind) {
            case ACCOUNT, GRANT, DEVICE -> Principal.ORG_ADMIN;
            default -> Principal.ORG_STAFF;
        };
    }

    /** What of the other city's records must never show in a refused answer. */
    private List<String> secrets() {
        return List.of(
                fixtures.memberOutName,
                fixtures.memberOutCitizenId,
                "kt.sec.target.hcm",
                "Máy kiểm thử bảo mật HCM",
                "Quyết định kiểm thử HCM",
                "Trần Thị Bích Ngọc",
                "hcm.tochuc");
    }

    /** The body with ids, request ids and times reduced, so two refusals compare equal. */
    static String normalised(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\"requestId\"\\s*:\\s*\"[^\"]*\"", "\"requestId\":\"<id>\"")
                .replaceAll("\\d+", "#");
    }
}
