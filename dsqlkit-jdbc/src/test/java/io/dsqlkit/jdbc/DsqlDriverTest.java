package io.dsqlkit.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlDriverTest {
    private static final String HOST = "abcdefghijklmnopqrstuvwx12.dsql.us-east-1.on.aws";

    @Test
    void registeredThroughTheServiceLoader() throws Exception {
        assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
                .contains(DsqlDriver.class);
        assertThat(DriverManager.getDriver("jdbc:dsql://" + HOST)).isInstanceOf(DsqlDriver.class);
    }

    @Test
    void otherUrlsAreLeftToOtherDrivers() throws Exception {
        DsqlDriver driver = new DsqlDriver();
        assertThat(driver.acceptsURL("jdbc:postgresql://localhost/postgres")).isFalse();
        assertThat(driver.connect("jdbc:postgresql://localhost/postgres", new Properties())).isNull();
    }

    @Test
    void urlParametersWinOverProperties() {
        Properties info = new Properties();
        info.setProperty("user", "from_properties");
        info.setProperty("tokenDurationSeconds", "120");
        info.setProperty("password", "ignored");
        var settings = new DsqlDriver().builderFor("jdbc:dsql://" + HOST + "?user=from_url", info).connectionSettings();
        assertThat(settings.user()).isEqualTo("from_url");
        assertThat(settings.tokenDuration()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void objectPropertiesMustHaveTheirType() {
        Properties info = new Properties();
        info.put(DsqlDriver.TOKEN_PROVIDER_PROPERTY, "not a provider");
        assertThatThrownBy(() -> new DsqlDriver().builderFor("jdbc:dsql://" + HOST, info))
                .hasMessage("tokenProvider must be a io.dsqlkit.jdbc.TokenProvider, was java.lang.String");
    }

    @Test
    void badConfigurationIsAConnectionErrorNamingTheFix() {
        assertThatThrownBy(() -> new DsqlDriver().connect("jdbc:dsql://localhost:5432/postgres", new Properties()))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessageContaining("set region")
                .satisfies(e -> assertThat(((SQLNonTransientConnectionException) e).getSQLState()).isEqualTo("08001"));
    }
}
