package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.Frame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRewriterTest {
    private static final String BACKEND_VERSION = "PostgreSQL 16.15 on x86_64-pc-linux-gnu, compiled by gcc, 64-bit";

    private final IdentityRewriter rewriter = new IdentityRewriter(List.of(
            new IdentityRewriter.Replacement(List.of("version"), BACKEND_VERSION, "PostgreSQL 16"),
            new IdentityRewriter.Replacement(List.of("current_", "catalog"), "dsql_cluster_abc", "postgres")));

    private static Frame query(String sql) {
        return new Frame((byte) 'Q', (sql + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private static Frame parse(String name, String sql) {
        return new Frame((byte) 'P', (name + "\0" + sql + "\0\0\0").getBytes(StandardCharsets.UTF_8));
    }

    private static Frame bind(String portal, String statement) {
        return new Frame((byte) 'B', (portal + "\0" + statement + "\0\0\0\0\0\0\0").getBytes(StandardCharsets.UTF_8));
    }

    private static Frame dataRow(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(values.length >>> 8);
        out.write(values.length);
        for (String v : values) {
            if (v == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
                out.writeBytes(b);
            }
        }
        return new Frame((byte) 'D', out.toByteArray());
    }

    private static List<String> values(Frame row) {
        List<String> values = new ArrayList<>();
        int pos = 2;
        for (int i = 0; i < row.int16(0); i++) {
            int len = row.int32(pos);
            pos += 4;
            values.add(len < 0 ? null : new String(row.payload(), pos, len, StandardCharsets.UTF_8));
            pos += Math.max(len, 0);
        }
        return values;
    }

    @Test
    void triggersOnTheWordInAnyCase() {
        rewriter.onSimpleQuery(query("SELECT pg_catalog.VERSION()"));
        assertThat(rewriter.active()).isTrue();
        rewriter.onCycleEnd();
        assertThat(rewriter.active()).isFalse();
        rewriter.onSimpleQuery(query("select 1"));
        assertThat(rewriter.active()).isFalse();
    }

    @Test
    void replacesOnlyExactValuesAndKeepsOtherColumnsAndNulls() {
        Frame row = dataRow("a", BACKEND_VERSION, null, BACKEND_VERSION + " ", "dsql_cluster_abc", "");
        assertThat(values(rewriter.rewriteDataRow(row)))
                .containsExactly("a", "PostgreSQL 16", null, BACKEND_VERSION + " ", "postgres", "");
    }

    @Test
    void rowsWithoutMatchesAreReturnedAsTheSameFrame() {
        Frame row = dataRow("x", "PostgreSQL 16.15");
        assertThat(rewriter.rewriteDataRow(row)).isSameAs(row);
    }

    @Test
    void namedStatementsKeepTriggeringOnLaterBinds() {
        rewriter.onParse(parse("S_1", "select current_database()"));
        rewriter.onCycleEnd();
        assertThat(rewriter.watchesStatements()).isTrue();
        rewriter.onBind(bind("", "S_1"));
        assertThat(rewriter.active()).isTrue();
        rewriter.onCycleEnd();
        rewriter.onBind(bind("", "S_2"));
        assertThat(rewriter.active()).isFalse();
        // Re-parsing the name with other text stops watching it.
        rewriter.onParse(parse("S_1", "select 1"));
        assertThat(rewriter.watchesStatements()).isFalse();
    }
}
