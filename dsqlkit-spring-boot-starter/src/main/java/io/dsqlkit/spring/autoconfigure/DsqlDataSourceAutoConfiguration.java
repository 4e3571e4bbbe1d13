package io.dsqlkit.spring.autoconfigure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.DsqlDataSourceBuilder;
import io.dsqlkit.jdbc.TokenProvider;
import io.dsqlkit.local.DsqlLocal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import javax.sql.DataSource;

/**
 * The DataSource for a DSQL cluster, built with the connector's {@link DsqlDataSourceBuilder}: a new
 * IAM token per physical connection, TLS verify-full, a pool lifetime under DSQL's 60-minute cap and
 * the exception override that keeps refused statements from evicting connections. Then
 * {@code spring.datasource.hikari.*} binds on top, as for any Boot DataSource.
 *
 * <p>Sources, first match wins: a {@link DsqlLocal} bean (dev services, or one the application
 * defines), {@code spring.datasource.url=jdbc:dsql://...}, {@code dsqlkit.endpoint}. Credentials:
 * {@code dsqlkit.profile}, else an {@link AwsCredentialsProvider} bean, else the SDK's default chain;
 * a {@link TokenProvider} bean replaces token generation altogether.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class, after = DsqlLocalDevServicesAutoConfiguration.class)
@ConditionalOnClass({DsqlDataSourceBuilder.class, HikariDataSource.class})
@ConditionalOnProperty(prefix = "dsqlkit.datasource", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({DsqlkitProperties.class, DataSourceProperties.class})
public class DsqlDataSourceAutoConfiguration {
    /** Boot's own prefix for pool settings, bound on top of the connector's defaults. */
    public static final String HIKARI_PREFIX = "spring.datasource.hikari";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.dsqlkit.local.DsqlLocal")
    @ConditionalOnBean(type = "io.dsqlkit.local.DsqlLocal")
    @ConditionalOnMissingBean(DataSource.class)
    static class DsqlLocalDataSourceConfiguration {
        @Bean
        HikariDataSource dataSource(DsqlLocal local, DsqlkitProperties properties,
                                    ObjectProvider<TokenProvider> tokenProvider, Environment environment) {
            // DSQL Local accepts tokens signed for a loopback name and, without trusted keys, signed by
            // its unchecked local key; its CA makes verify-full work against the loopback address.
            DsqlDataSourceBuilder builder = DsqlDataSourceBuilder.builder()
                    .url("jdbc:dsql://" + hostForUrl(local.host()) + ":" + local.port() + "/postgres")
                    .region(local.region().id())
                    .user(properties.getUser())
                    .credentialsProvider(local.tokenCredentials());
            if (local.tlsEnabled()) {
                builder.sslRootCertificate(local.caCertificateFile());
            } else {
                builder.tls(false);
            }
            applyCommon(builder, properties, tokenProvider);
            return unstartedPool(builder.hikariConfig(), environment);
        }

        @Bean
        DsqlConnectionDetails dsqlConnectionDetails(DsqlLocal local) {
            return new DsqlConnectionDetails(hostForUrl(local.host()) + ":" + local.port(), true);
        }

        private static String hostForUrl(String host) {
            return host.contains(":") ? "[" + host + "]" : host;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EndpointConfiguredCondition.class)
    @ConditionalOnMissingBean(DataSource.class)
    static class DsqlEndpointDataSourceConfiguration {
        @Bean
        HikariDataSource dataSource(DsqlkitProperties properties, DataSourceProperties dataSourceProperties,
                                    ObjectProvider<AwsCredentialsProvider> credentials,
                                    ObjectProvider<TokenProvider> tokenProvider, Environment environment) {
            DsqlDataSourceBuilder builder = DsqlDataSourceBuilder.builder();
            String url = dsqlUrl(dataSourceProperties);
            if (url != null) {
                builder.url(url);
            } else {
                builder.endpoint(properties.getEndpoint().trim());
            }
            builder.user(StringUtils.hasText(dataSourceProperties.getUsername())
                    ? dataSourceProperties.getUsername() : properties.getUser());
            if (StringUtils.hasText(properties.getRegion())) {
                builder.region(properties.getRegion());
            }
            if (properties.getPort() != null) {
                builder.port(properties.getPort());
            }
            if (StringUtils.hasText(properties.getProfile())) {
                builder.profile(properties.getProfile());
            } else {
                credentials.ifUnique(builder::credentialsProvider);
            }
            if (properties.getSslRootCertificate() != null) {
                builder.sslRootCertificate(properties.getSslRootCertificate());
            }
            applyCommon(builder, properties, tokenProvider);
            return unstartedPool(builder.hikariConfig(), environment);
        }

        @Bean
        DsqlConnectionDetails dsqlConnectionDetails(DsqlkitProperties properties,
                                                    DataSourceProperties dataSourceProperties) {
            String url = dsqlUrl(dataSourceProperties);
            return new DsqlConnectionDetails(url != null ? url : properties.getEndpoint().trim(), false);
        }

        /** The {@code jdbc:dsql:} datasource URL, which wins over {@code dsqlkit.endpoint}, or {@code null}. */
        private static String dsqlUrl(DataSourceProperties dataSourceProperties) {
            String url = dataSourceProperties.getUrl();
            String prefix = EndpointConfiguredCondition.DSQL_URL_PREFIX;
            return url != null && url.regionMatches(true, 0, prefix, 0, prefix.length()) ? url : null;
        }
    }

    private static void applyCommon(DsqlDataSourceBuilder builder, DsqlkitProperties properties,
                                    ObjectProvider<TokenProvider> tokenProvider) {
        if (properties.getTokenDuration() != null) {
            builder.tokenDuration(properties.getTokenDuration());
        }
        if (StringUtils.hasText(properties.getApplicationName())) {
            builder.applicationName(properties.getApplicationName());
        }
        tokenProvider.ifUnique(builder::tokenProvider);
    }

    /**
     * A pool carrying the connector's settings, with {@code spring.datasource.hikari.*} bound on top,
     * that starts on first use ({@code new HikariDataSource(config)} would start and seal it at once).
     */
    static HikariDataSource unstartedPool(HikariConfig config, Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        Binder.get(environment).bind(HIKARI_PREFIX, Bindable.ofInstance(pool));
        return pool;
    }
}
