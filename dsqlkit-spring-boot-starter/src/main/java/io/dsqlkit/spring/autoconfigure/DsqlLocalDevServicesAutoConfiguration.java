package io.dsqlkit.spring.autoconfigure;

import io.dsqlkit.local.DsqlLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Dev services: an embedded DSQL Local, started with the application context and stopped with it,
 * that {@link DsqlDataSourceAutoConfiguration} points the DataSource at. On when
 * {@code dsqlkit.local.enabled=true}, or by default when dsqlkit-local is on the classpath and no
 * endpoint or datasource URL is configured.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        beforeName = "io.dsqlkit.spring.autoconfigure.DsqlDataSourceAutoConfiguration")
@EnableConfigurationProperties(DsqlkitProperties.class)
public class DsqlLocalDevServicesAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.dsqlkit.local.DsqlLocal")
    @Conditional(LocalDevServicesCondition.class)
    static class EmbeddedDsqlLocalConfiguration {
        private static final Logger log = LoggerFactory.getLogger(DsqlLocalDevServicesAutoConfiguration.class);

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        DsqlLocal dsqlLocal(DsqlkitProperties properties) {
            DsqlkitProperties.Local settings = properties.getLocal();
            DsqlLocal.Builder builder = DsqlLocal.builder().port(settings.getPort());
            if (settings.getDataDirectory() != null) {
                builder.dataDirectory(settings.getDataDirectory());
            }
            DsqlLocal local = builder.start();
            log.info("DSQL Local dev services: cluster {} listening on {}:{} ({})", local.endpoint(), local.host(),
                    local.port(), settings.getDataDirectory() != null
                            ? "data kept in " + settings.getDataDirectory().toAbsolutePath()
                            : "temporary data, removed at shutdown; set dsqlkit.local.data-directory to keep it");
            return local;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.dsqlkit.local.DsqlLocal")
    @ConditionalOnProperty(name = LocalDevServicesCondition.ENABLED, havingValue = "true")
    static class MissingDsqlLocalConfiguration {
        @Bean
        Object dsqlLocalUnavailable() {
            throw new IllegalStateException("dsqlkit.local.enabled=true but DSQL Local is not on the classpath: add "
                    + "the dependency io.dsqlkit:dsqlkit-local, or configure dsqlkit.endpoint (or a jdbc:dsql: "
                    + "spring.datasource.url) and remove dsqlkit.local.enabled");
        }
    }
}
