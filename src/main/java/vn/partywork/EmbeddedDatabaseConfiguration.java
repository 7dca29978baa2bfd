package vn.partywork;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured, so that
 * {@code ./mvnw spring-boot:run} and {@code ./mvnw verify} need nothing but a JDK. Production
 * deployments set the URL and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseSettings.class)
class EmbeddedDatabaseConfiguration {

    static final String APP_ROLE = "partywork_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * @param dataDir where the database files live between runs
     * @param temporary a throw-away database in a temporary folder (the test suite)
     * @param port the port to listen on; 0 picks a free one
     */
    @ConfigurationProperties("partywork.db.embedded")
    record EmbeddedDatabaseSettings(String dataDir, boolean temporary, int port) {
        EmbeddedDatabaseSettings {
            if (!StringUtils.hasText(dataDir)) {
                dataDir = "./data/pg";
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                .setLocaleConfig("encoding", "UTF8")
                // Spring stops the server (destroyMethod) after the beans that use it; zonky's own
                // shutdown hook would race it, stop PostgreSQL first and leave the pool waiting 30 s
                // for a connection while the event publication registry shuts down.
                .setRegisterShutdownHook(false);
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        if (settings.temporary()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", dir);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        createApplicationRole(postgres);
        return postgres;
    }

    /**
     * P-AU-1: the application connects as {@value #APP_ROLE}, not as the superuser, so the audit
     * tables' privileges and triggers bind it; migrations run as the superuser (flywayDataSource).
     */
    private static void createApplicationRole(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "CREATE ROLE " + APP_ROLE + "; END IF; END $$");
            s.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB");
        } catch (SQLException e) {
            throw new IOException("cannot create the application role " + APP_ROLE, e);
        }
    }

    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl(APP_ROLE, "postgres"))
                .username(APP_ROLE)
                .password("")
                .build();
        dataSource.setPoolName("partywork-embedded");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
