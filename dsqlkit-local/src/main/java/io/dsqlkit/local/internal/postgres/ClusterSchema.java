package io.dsqlkit.local.internal.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What every cluster database holds before the first client connects: the objects DSQL provides
 * in a new cluster ({@code sys}) and the ones DSQL Local enforces its rules with ({@code dsql_local}).
 * Applied idempotently to the template and to the default cluster's database; the SQL lives in
 * {@value #SCRIPT} and says what each object is for.
 */
final class ClusterSchema {
    static final String SCRIPT = "/io/dsqlkit/local/postgres/cluster-schema.sql";
    private static final String SQL = load();

    private ClusterSchema() {
    }

    static void apply(Connection superuser) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            // The script carries dollar-quoted bodies; JDBC escapes ({fn ...}) must not be rewritten in them.
            s.setEscapeProcessing(false);
            s.execute(SQL);
        }
    }

    private static String load() {
        try (InputStream in = ClusterSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SCRIPT, e);
        }
    }
}
