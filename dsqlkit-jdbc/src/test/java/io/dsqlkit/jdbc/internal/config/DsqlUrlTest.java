package io.dsqlkit.jdbc.internal.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlUrlTest {
    @Test
    void fullUrl() {
        DsqlUrl url = DsqlUrl.parse("jdbc:dsql://abc.dsql.us-east-1.on.aws:5432/postgres?user=app&profile=prod%20a&tls=true");
        assertThat(url.endpoint()).isEqualTo("abc.dsql.us-east-1.on.aws");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.parameters()).containsExactly(Map.entry("user", "app"), Map.entry("profile", "prod a"),
                Map.entry("tls", "true"));
    }

    @Test
    void minimalForms() {
        assertThat(DsqlUrl.parse("jdbc:dsql://abc").endpoint()).isEqualTo("abc");
        assertThat(DsqlUrl.parse("jdbc:dsql://abc").port()).isNull();
        assertThat(DsqlUrl.parse("jdbc:dsql://abc/").parameters()).isEmpty();
        assertThat(DsqlUrl.parse("jdbc:dsql://abc?region=us-east-1").parameters()).containsEntry("region", "us-east-1");
        DsqlUrl ipv6 = DsqlUrl.parse("jdbc:dsql://[::1]:15433/postgres");
        assertThat(ipv6.endpoint()).isEqualTo("::1");
        assertThat(ipv6.port()).isEqualTo(15433);
    }

    @Test
    void otherDatabasesAndMalformedUrlsAreRefused() {
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://abc/mydb"))
                .hasMessage("invalid DSQL URL 'jdbc:dsql://abc/mydb': DSQL has one database, postgres; the path must be"
                        + " empty or /postgres, was /mydb (expected jdbc:dsql://<endpoint>[:port][/postgres][?user=...&region=...])");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:postgresql://abc")).hasMessageContaining("must start with jdbc:dsql://");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://abc:port")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://abc:70000")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://:5432")).hasMessageContaining("the endpoint is missing");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://[::1")).hasMessageContaining("no closing ]");
        assertThatThrownBy(() -> DsqlUrl.parse("jdbc:dsql://abc?user=a&user=b")).hasMessageContaining("given twice");
    }

    @Test
    void acceptsOnlyTheDsqlScheme() {
        assertThat(DsqlUrl.accepts("jdbc:dsql://x")).isTrue();
        assertThat(DsqlUrl.accepts("jdbc:aws-dsql:postgresql://x")).isFalse();
        assertThat(DsqlUrl.accepts(null)).isFalse();
    }
}
