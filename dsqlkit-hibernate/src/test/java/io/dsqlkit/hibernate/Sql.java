package io.dsqlkit.hibernate;

import io.dsqlkit.local.DsqlCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC reads and writes against a DSQL Local cluster, for checking what the dialect made. */
final class Sql {
    private Sql() {
    }

    /** Rows of {@code query}, each row's columns joined with {@code |}. */
    static List<String> rows(DsqlCluster cluster, String query) {
        try (Connection connection = cluster.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new AssertionError(query + ": " + e.getMessage(), e);
        }
    }

    static String scalar(DsqlCluster cluster, String query) {
        List<String> rows = rows(cluster, query);
        if (rows.size() != 1) {
            throw new AssertionError(query + " returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }

    static void execute(DsqlCluster cluster, String sql) {
        try (Connection connection = cluster.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
