package io.dsqlkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.spring.autoconfigure.DsqlConnectionDetails;
import io.dsqlkit.spring.autoconfigure.DsqlDataSourceAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlLocalDevServicesAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import javax.sql.DataSource;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dev services start a real DSQL Local; the starter's DataSource talks to it over TLS with IAM tokens. */
class DevServicesIT {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DsqlLocalDevServicesAutoConfiguration.class,
                    DsqlDataSourceAutoConfiguration.class));

    @Test
    void withNothingConfiguredAnEmbeddedDsqlLocalServesTheDataSourceAndStopsWithTheContext() {
        AtomicInteger port = new AtomicInteger();
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DsqlLocal.class);
            DsqlLocal local = context.getBean(DsqlLocal.class);
            port.set(local.port());
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            assertThat(context.getBean(DsqlConnectionDetails.class).description())
                    .isEqualTo("DSQL Local (embedded, 127.0.0.1:" + local.port() + ")");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("postgres");
            assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("admin");
            assertThat(jdbc.queryForObject("show transaction_isolation", String.class)).isEqualTo("repeatable read");
        });
        assertThatThrownBy(() -> new Socket("127.0.0.1", port.get()).close())
                .as("DSQL Local stops with the context").isInstanceOf(ConnectException.class);
    }

    @Test
    void aConfiguredPortIsUsed() throws java.io.IOException {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        runner.withPropertyValues("dsqlkit.local.port=" + free).run(context -> {
            assertThat(context.getBean(DsqlLocal.class).port()).isEqualTo(free);
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void aDataDirectoryKeepsTheDataAcrossRuns(@TempDir Path directory) {
        ApplicationContextRunner kept = runner.withPropertyValues("dsqlkit.local.data-directory=" + directory);
        kept.run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("create table notes (id int primary key, text varchar(40))");
            jdbc.update("insert into notes values (1, 'kept')");
        });
        kept.run(context -> assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("select text from notes where id = 1", String.class)).isEqualTo("kept"));
    }

    @Test
    void anApplicationsOwnDsqlLocalIsUsedInsteadOfStartingOne() {
        try (DsqlLocal own = DsqlLocal.builder().start()) {
            runner.withBean("ownDsqlLocal", DsqlLocal.class, () -> own, definition -> definition.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).hasSingleBean(DsqlLocal.class);
                        assertThat(context.getBean(DsqlLocal.class)).isSameAs(own);
                        new JdbcTemplate(context.getBean(DataSource.class)).execute("create table mine (id int primary key)");
                    });
            try (var connection = own.defaultCluster().connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("select count(*) from mine")) {
                assertThat(rows.next()).isTrue();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aDsqlUrlWithACredentialsBeanReachesAClusterAsARealOneWould() {
        try (DsqlLocal cluster = DsqlLocal.builder().trustedKey("AKIAEXAMPLEKEY", "example-secret").start()) {
            runner.withPropertyValues(
                            "spring.datasource.url=jdbc:dsql://127.0.0.1:" + cluster.port() + "/postgres",
                            "dsqlkit.region=us-east-1",
                            "dsqlkit.ssl-root-certificate=" + cluster.caCertificateFile(),
                            "dsqlkit.application-name=orders-service")
                    .withBean(AwsCredentialsProvider.class, cluster::tokenCredentials)
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(DsqlLocal.class);
                        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("postgres");
                        assertThat(jdbc.queryForObject("show application_name", String.class))
                                .contains("orders-service");
                    });
        }
    }
}
