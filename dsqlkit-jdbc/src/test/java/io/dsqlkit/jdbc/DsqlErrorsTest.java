package io.dsqlkit.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DsqlErrorsTest {
    private static SQLException dataConflict() {
        return new SQLException("ERROR: change conflicts with another transaction (OC000)", "40001");
    }

    private static SQLException schemaConflict() {
        return new SQLException("ERROR: schema has been updated by another transaction (OC001)", "40001");
    }

    @Test
    void conflictIsFoundThroughFrameworkWrappers() {
        RuntimeException springLike = new RuntimeException("could not execute statement",
                new IllegalStateException("JDBC commit failed", dataConflict()));
        assertThat(DsqlErrors.isConflict(springLike)).isTrue();
        assertThat(DsqlErrors.conflictCode(springLike)).contains("OC000");
        assertThat(DsqlErrors.sqlState(springLike)).contains("40001");
    }

    @Test
    void conflictIsFoundInNextExceptionOfABatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "40001", new int[0]);
        batch.setNextException(schemaConflict());
        SQLException outer = new SQLException("batch failed", "XX999");
        outer.setNextException(batch);
        assertThat(DsqlErrors.isConflict(outer)).isTrue();
        assertThat(DsqlErrors.conflictCode(outer)).contains("OC001");
        // The nearest SQLException with a state wins.
        assertThat(DsqlErrors.sqlState(outer)).contains("XX999");
    }

    @Test
    void cyclicChainsTerminate() {
        SQLException a = new SQLException("a", "22000");
        SQLException b = new SQLException("b", "23505");
        a.setNextException(b);
        b.setNextException(a);
        RuntimeException wrapper = new RuntimeException("wrapper", a);
        assertThat(DsqlErrors.isConflict(wrapper)).isFalse();
        assertThat(DsqlErrors.sqlState(wrapper)).contains("22000");
        assertThat(DsqlErrors.findSqlException(wrapper, e -> "23505".equals(e.getSQLState()))).contains(b);
    }

    @Test
    void serverUnavailableNeedsBothStateAndWording() {
        assertThat(DsqlErrors.isServerUnavailable(new SQLException("ERROR: server unavailable", "XX000"))).isTrue();
        assertThat(DsqlErrors.isServerUnavailable(new SQLException("ERROR: Server Unavailable", "XX000"))).isTrue();
        assertThat(DsqlErrors.isServerUnavailable(new SQLException("ERROR: attribute 1 has wrong type", "XX000"))).isFalse();
        assertThat(DsqlErrors.isServerUnavailable(new SQLException("server unavailable", "08006"))).isFalse();
    }

    @Test
    void limitsAreTheProgramLimitClass() {
        assertThat(DsqlErrors.isLimitExceeded(new SQLException("ERROR: transaction row limit exceeded", "54000"))).isTrue();
        assertThat(DsqlErrors.isLimitExceeded(new SQLException("ERROR: tables can have at most 255 columns", "54011"))).isTrue();
        assertThat(DsqlErrors.isLimitExceeded(new SQLException("ERROR: out of memory", "53200"))).isFalse();
    }

    @Test
    void refusalIsFeatureNotSupported() {
        assertThat(DsqlErrors.isRefusal(new SQLException("ERROR: unsupported transaction statement: SAVEPOINT", "0A000"))).isTrue();
        assertThat(DsqlErrors.isRefusal(dataConflict())).isFalse();
        assertThat(DsqlErrors.isConflict(new SQLException("ERROR: unsupported", "0A000"))).isFalse();
    }

    @Test
    void nothingIsFoundInANullOrPlainChain() {
        assertThat(DsqlErrors.sqlState(null)).isEmpty();
        assertThat(DsqlErrors.isConflict(null)).isFalse();
        assertThat(DsqlErrors.sqlState(new RuntimeException("no SQL here"))).isEmpty();
        assertThat(DsqlErrors.conflictCode(new SQLException("serialization failure", "40001"))).isEmpty();
    }
}
