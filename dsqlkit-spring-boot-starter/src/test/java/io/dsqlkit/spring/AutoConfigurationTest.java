package io.dsqlkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.DsqlDataSourceBuilder;
import io.dsqlkit.jdbc.DsqlExceptionOverride;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.spring.autoconfigure.DsqlConnectionDetails;
import io.dsqlkit.spring.autoconfigure.DsqlDataSourceAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlExceptionTranslationAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlHibernateAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlLocalDevServicesAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlRetryAutoConfiguration;
import io.dsqlkit.spring.autoconfigure.DsqlTransactionGuardAutoConfiguration;
import io.dsqlkit.spring.internal.guard.TransactionalMethodValidator;
import io.dsqlkit.spring.internal.translate.DsqlSqlExceptionTranslator;
import io.dsqlkit.spring.internal.translate.ExceptionTranslationPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each auto-configuration on and off, without a database: pools are built but not started, so
 * nothing connects. (Dev services that really start DSQL Local are covered by {@code DevServicesIT}.)
 */
class AutoConfigurationTest {
    private static final String ENDPOINT = "abcdefghijklmnopqrstuvwxyz.dsql.eu-west-1.on.aws";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DsqlLocalDevServicesAutoConfiguration.class,
                    DsqlDataSourceAutoConfiguration.class, DsqlExceptionTranslationAutoConfiguration.class,
                    DsqlRetryAutoConfiguration.class, DsqlTransactionGuardAutoConfiguration.class,
                    DsqlHibernateAutoConfiguration.class));

    @Test
    void endpointGivesTheConnectorsPoolWithHikariPropertiesBoundOnTop() {
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT, "spring.datasource.hikari.maximum-pool-size=7",
                "spring.datasource.hikari.pool-name=orders").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(DsqlLocal.class);
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.isRunning()).as("pool starts on first use").isFalse();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
            assertThat(pool.getPoolName()).isEqualTo("orders");
            assertThat(Duration.ofMillis(pool.getMaxLifetime())).isEqualTo(DsqlDataSourceBuilder.DEFAULT_MAX_LIFETIME)
                    .isLessThan(Duration.ofMinutes(60));
            assertThat(pool.getExceptionOverride()).isInstanceOf(DsqlExceptionOverride.class);
            assertThat(pool.getDataSource()).as("IAM-token connections from the connector").isNotNull();
            assertThat(context.getBean(DsqlConnectionDetails.class))
                    .isEqualTo(new DsqlConnectionDetails(ENDPOINT, false));
        });
    }

    @Test
    void withoutHikariPropertiesTheConnectorDefaultsStay() {
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT).run(context -> {
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(DsqlDataSourceBuilder.DEFAULT_MAXIMUM_POOL_SIZE);
            assertThat(pool.getPoolName()).isEqualTo(DsqlDataSourceBuilder.DEFAULT_POOL_NAME);
        });
    }

    @Test
    void dsqlDatasourceUrlGivesTheConnectorsPool() {
        runner.withPropertyValues("spring.datasource.url=jdbc:dsql://" + ENDPOINT + "/postgres",
                "spring.datasource.username=app").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(DsqlLocal.class);
            assertThat(context.getBean(HikariDataSource.class).getExceptionOverride())
                    .isInstanceOf(DsqlExceptionOverride.class);
        });
    }

    @Test
    void aDsqlUrlWinsOverTheEndpoint() {
        String url = "jdbc:dsql://zyxwvutsrqponmlkjihgfedcba.dsql.us-west-2.on.aws/postgres";
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT, "spring.datasource.url=" + url)
                .run(context -> assertThat(context.getBean(DsqlConnectionDetails.class).target()).isEqualTo(url));
    }

    @Test
    void blankEndpointCountsAsNone() {
        runner.withPropertyValues("dsqlkit.endpoint=  ", "dsqlkit.local.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class)
                        .doesNotHaveBean(DsqlConnectionDetails.class));
    }

    @Test
    void aPostgresUrlIsLeftToSpringBoot() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost/postgres")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class)
                        .doesNotHaveBean(DsqlLocal.class));
    }

    @Test
    void dataSourceCanBeSwitchedOff() {
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT, "dsqlkit.datasource.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class));
    }

    @Test
    void anApplicationDataSourceWins() {
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT)
                .withBean("applicationDataSource", DataSource.class, () -> DsqlDataSourceBuilder.builder()
                        .endpoint(ENDPOINT).buildUnpooled())
                .run(context -> assertThat(context).hasSingleBean(DataSource.class)
                        .doesNotHaveBean(HikariDataSource.class));
    }

    @Test
    void devServicesAreOffWhenSwitchedOff() {
        runner.withPropertyValues("dsqlkit.local.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DsqlLocal.class)
                        .doesNotHaveBean(DataSource.class));
    }

    @Test
    void devServicesAskedForWithoutDsqlLocalOnTheClasspathFailNamingTheDependency() {
        runner.withClassLoader(new FilteredClassLoader(DsqlLocal.class))
                .withPropertyValues("dsqlkit.local.enabled=true")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("dsqlkit.local.enabled=true but DSQL Local is not on the classpath")
                        .hasMessageContaining("io.dsqlkit:dsqlkit-local"));
    }

    @Test
    void withoutDsqlLocalOnTheClasspathNothingStartsByDefault() {
        runner.withClassLoader(new FilteredClassLoader(DsqlLocal.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class));
    }

    @Test
    void dialectCheckOnlyWhenTheStarterBuiltTheDataSource() {
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT)
                .run(context -> assertThat(context).hasBean("dsqlDialectCheck"));
        runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT, "dsqlkit.datasource.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("dsqlDialectCheck"));
    }

    @Test
    void retryAdvisorIsOnByDefaultAndCanBeSwitchedOff() {
        ApplicationContextRunner noDatabase = runner.withPropertyValues("dsqlkit.local.enabled=false");
        noDatabase.run(context -> assertThat(context).hasBean("dsqlConflictRetryAdvisor")
                .getBean("dsqlConflictRetryAdvisor").isInstanceOf(Advisor.class));
        noDatabase.withPropertyValues("dsqlkit.retry.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("dsqlConflictRetryAdvisor"));
    }

    @Test
    void guardsAreOnByDefaultAndCanBeSwitchedOff() {
        ApplicationContextRunner noDatabase = runner.withPropertyValues("dsqlkit.local.enabled=false");
        noDatabase.run(context -> assertThat(context).hasSingleBean(TransactionalMethodValidator.class));
        noDatabase.withPropertyValues("dsqlkit.guards.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TransactionalMethodValidator.class));
    }

    @Test
    void exceptionTranslationWrapsJdbcTemplatesAndCanBeSwitchedOff() {
        ApplicationContextRunner withTemplate = runner.withPropertyValues("dsqlkit.endpoint=" + ENDPOINT)
                .withUserConfiguration(JdbcTemplateConfiguration.class);
        withTemplate.run(context -> {
            assertThat(context).hasSingleBean(ExceptionTranslationPostProcessor.class);
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                    .isInstanceOf(DsqlSqlExceptionTranslator.class);
        });
        withTemplate.withPropertyValues("dsqlkit.exception-translation.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ExceptionTranslationPostProcessor.class);
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                    .isNotInstanceOf(DsqlSqlExceptionTranslator.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcTemplateConfiguration {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }
}
