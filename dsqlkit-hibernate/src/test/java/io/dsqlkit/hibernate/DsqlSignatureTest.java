package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.detect.DsqlSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DsqlSignatureTest {

    @Test
    void recognisesDsqlEndpoints() {
        assertThat(DsqlSignature.isDsqlHost("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws")).isTrue();
        assertThat(DsqlSignature.isDsqlHost("ABC.DSQL.EU-WEST-1.ON.AWS.")).isTrue();
        assertThat(DsqlSignature.isDsqlHost("abc.dsql-gamma.us-east-1.on.aws")).isTrue();
        assertThat(DsqlSignature.isDsqlHost("localhost")).isFalse();
        assertThat(DsqlSignature.isDsqlHost("127.0.0.1")).isFalse();
        assertThat(DsqlSignature.isDsqlHost("db.example.com")).isFalse();
        assertThat(DsqlSignature.isDsqlHost("abc.rds.us-east-1.on.aws")).isFalse();
        assertThat(DsqlSignature.isDsqlHost("dsql.us-east-1.on.aws")).isFalse();
        assertThat(DsqlSignature.isDsqlHost("x.abc.dsql.us-east-1.on.aws")).isFalse();
        assertThat(DsqlSignature.isDsqlHost(null)).isFalse();
    }

    @Test
    void readsHostsFromJdbcUrls() {
        assertThat(DsqlSignature.hostsOf("jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?sslmode=verify-full"))
                .containsExactly("abc.dsql.us-east-1.on.aws");
        assertThat(DsqlSignature.hostsOf("jdbc:dsql://abc.dsql.us-east-1.on.aws/postgres")).containsExactly("abc.dsql.us-east-1.on.aws");
        assertThat(DsqlSignature.hostsOf("jdbc:aws-dsql:postgresql://abc.dsql.eu-west-1.on.aws")).containsExactly("abc.dsql.eu-west-1.on.aws");
        assertThat(DsqlSignature.hostsOf("jdbc:postgresql://h1:5432,h2/db")).containsExactly("h1", "h2");
        assertThat(DsqlSignature.hostsOf("jdbc:postgresql://[::1]:5432/db")).containsExactly("::1");
        assertThat(DsqlSignature.hostsOf("jdbc:postgresql:db")).isEmpty();
        assertThat(DsqlSignature.hostsOf(null)).isEmpty();
    }

    @Test
    void recognisesDsqlsVersionText() {
        assertThat(DsqlSignature.isDsqlVersionText("PostgreSQL 16")).isTrue();
        assertThat(DsqlSignature.isDsqlVersionText("PostgreSQL 17")).isTrue();
        assertThat(DsqlSignature.isDsqlVersionText("PostgreSQL 16.15 on x86_64-pc-linux-gnu, compiled by gcc")).isFalse();
        assertThat(DsqlSignature.isDsqlVersionText("PostgreSQL 16.15")).isFalse();
        assertThat(DsqlSignature.isDsqlVersionText("PostgreSQL ")).isFalse();
        assertThat(DsqlSignature.isDsqlVersionText("CockroachDB CCL v23.1")).isFalse();
        assertThat(DsqlSignature.isDsqlVersionText(null)).isFalse();
    }

    @Test
    void onlyPostgresqlProductsAreCandidates() {
        assertThat(DsqlSignature.isPostgreSqlProduct("PostgreSQL")).isTrue();
        assertThat(DsqlSignature.isPostgreSqlProduct("MySQL")).isFalse();
        assertThat(DsqlSignature.isDsql(null)).isFalse();
    }
}
