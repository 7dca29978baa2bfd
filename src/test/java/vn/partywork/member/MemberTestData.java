package vn.partywork.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.web.ApiClient;

/**
 * Member records for tests: unique valid CCCDs and party card numbers per call (so tests never
 * collide with the demo members or each other), JSON bodies, and look-ups in the member tables.
 */
public final class MemberTestData {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000));

    private final JdbcClient jdbc;

    public MemberTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A CCCD registered in Hà Nội that fits a man born in {@code birthYear}. */
    public static String citizenId(int birthYear) {
        int century = birthYear / 100 - 19;
        return "001" + (century * 2) + String.format("%02d", birthYear % 100)
                + String.format("%06d", 500_000 + SERIAL.incrementAndGet());
    }

    public static String partyCard() {
        return String.format("9%07d", SERIAL.incrementAndGet());
    }

    /** A complete member form as the API takes it; {@code fields} may be overridden with extra JSON members. */
    public static String body(
            long cellId, String name, String citizenId, LocalDate birth, LocalDate admission, LocalDate official) {
        return """
                {"cellId": %d, "status": "%s", "source": "DIGITISED_PAPER", "fields": {
                  "fullName": "%s", "gender": "MALE", "birthDate": "%s", "ethnicity": "01", "religion": "00",
                  "citizenId": "%s", "admissionDate": "%s" %s,
                  "currentAddress": "Số 1 phố Hàng Bạc, Hà Nội", "phone": "0912 000 111"}}
                """.formatted(
                        cellId,
                        official == null ? "PROBATIONARY" : "OFFICIAL",
                        name,
                        birth,
                        citizenId,
                        admission,
                        official == null ? "" : ", \"officialDate\": \"" + official + "\"");
    }

    public static long create(ApiClient api, long cellId, String name) {
        ApiClient.Reply reply = api.post(
                "/api/v1/members",
                body(
                        cellId,
                        name,
                        citizenId(1980),
                        LocalDate.of(1980, 5, 5),
                        LocalDate.of(2005, 5, 5),
                        LocalDate.of(2006, 5, 5)));
        assertThat(reply.status()).as("create %s: %s", name, reply).isEqualTo(201);
        return reply.id();
    }

    public long idByName(String fullName) {
        return jdbc.sql("SELECT id FROM member.member WHERE full_name = :name ORDER BY id LIMIT 1")
                .param("name", fullName)
                .query(Long.class)
                .single();
    }

    public long memberCount() {
        return jdbc.sql("SELECT count(*) FROM member.member").query(Long.class).single();
    }

    public long membershipCount() {
        return jdbc.sql("SELECT count(*) FROM member.membership")
                .query(Long.class)
                .single();
    }

    public long auditCount(String action, String actor) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = 'member' AND action = :action AND actor_identifier = :actor
                """)
                .param("action", action)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }
}
