package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.internal.ChainSealer;

/**
 * P-AU-1: a sign-in with an absurdly long identifier (form and token endpoint) is a failed sign-in
 * of an unknown identifier, recorded in a bounded form, and the audit chain goes on sealing: before,
 * a 3,000-character identifier was refused by the chain's actor index and every later event of the
 * system stayed pending.
 */
@PartyworkTest
class LongIdentifierSignInTests {

    private static final String LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹ0123456789";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    ChainSealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
    }

    @Test
    void aThreeThousandCharacterIdentifierOnTheFormAndTheTokenEndpointLeavesTheChainSealing() throws Exception {
        String form = random(3_000);
        String api = random(3_000);
        mvc.perform(
                post("/login").param("username", form).param("password", "x").with(csrf()));
        Fixtures.requestToken(mvc, api, "x");

        assertTheChainStillSeals();
        for (String identifier : new String[] {form, api}) {
            assertThat(jdbc.sql("SELECT actor_identifier FROM audit.event WHERE action = 'LOGIN_FAILED'"
                                    + " AND actor_identifier LIKE :prefix")
                            .param("prefix", identifier.substring(0, 20) + "%")
                            .query(String.class)
                            .list())
                    .singleElement()
                    .satisfies(recorded -> {
                        assertThat(recorded)
                                .startsWith(identifier.substring(0, 64))
                                .contains("…#");
                        assertThat(recorded.length()).isLessThanOrEqualTo(82);
                    });
        }
    }

    @Test
    void aThirtyMillionCharacterIdentifierLeavesTheChainSealingAndNoGiantIdentifierInTheLog() throws Exception {
        String huge = "x".repeat(30_000_000);
        mvc.perform(
                post("/login").param("username", huge).param("password", "x").with(csrf()));
        mvc.perform(post("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + huge + "\",\"password\":\"x\"}"));

        assertTheChainStillSeals();
        assertThat(jdbc.sql("SELECT coalesce(max(length(actor_identifier)), 0) FROM audit.event")
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(82);
    }

    private void assertTheChainStillSeals() {
        String marker = UUID.randomUUID().toString();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> audit.record(
                        AuditEvent.of(AuditAction.UPDATE, "seal_marker", marker).build()));
        sealer.sealAll();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.chain WHERE target_type = 'seal_marker' AND target_id = :id")
                        .param("id", marker)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private static String random(int length) {
        Random random = new Random();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Incompressible: the index would otherwise store a compressed long value.
            b.append(
                    i % 2 == 0
                            ? LETTERS.charAt(random.nextInt(LETTERS.length()))
                            : (char) (0x4E00 + random.nextInt(0x5000)));
        }
        return b.toString();
    }
}
