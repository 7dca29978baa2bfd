package vn.partywork;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A superuser connection to the test database, for the tests that play a superuser who tampers
 * with the audit log or checks that even they meet the triggers. On the embedded database it is
 * the embedded server's {@code postgres} user; when the suite runs against an external PostgreSQL
 * ({@code .ci/external-postgres}), {@code partywork.test.superuser.url}, {@code .username} and
 * {@code .password} name it.
 */
@Component
public class SuperuserDatabase {

    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final Environment environment;

    SuperuserDatabase(ObjectProvider<EmbeddedPostgres> embedded, Environment environment) {
        this.embedded = embedded;
        this.environment = environment;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** A JDBC URL with the superuser's credentials in it (what the offline verifier takes). */
    public String url() {
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        if (postgres != null) {
            return postgres.getJdbcUrl("postgres", "postgres");
        }
        String url = environment.getRequiredProperty("partywork.test.superuser.url");
        String user = environment.getRequiredProperty("partywork.test.superuser.username");
        String password = environment.getProperty("partywork.test.superuser.password", "");
        return url + (url.contains("?") ? "&" : "?") + "user=" + user + "&password=" + password;
    }
}
