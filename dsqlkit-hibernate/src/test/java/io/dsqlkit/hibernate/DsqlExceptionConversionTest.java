package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.exception.DsqlConstraintNameExtractor;
import org.hibernate.JDBCException;
import org.hibernate.exception.LockTimeoutException;
import org.hibernate.exception.SnapshotIsolationException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DsqlExceptionConversionTest {
    private final SQLExceptionConversionDelegate delegate = new AuroraDsqlDialect().buildSQLExceptionConversionDelegate();

    @Test
    void dataConflictIsARetryableSnapshotIsolationException() {
        SQLException e = new SQLException("ERROR: change conflicts with another transaction (OC000)", "40001");
        JDBCException converted = delegate.convert(e, "could not execute statement", "update t set x = 1");
        assertThat((Throwable) converted).isInstanceOf(DsqlConflictException.class).isInstanceOf(SnapshotIsolationException.class);
        DsqlConflictException conflict = (DsqlConflictException) converted;
        assertThat(conflict.conflictCode()).isEqualTo("OC000");
        assertThat(conflict.isSchemaConflict()).isFalse();
        assertThat(conflict.getMessage()).isEqualTo("could not execute statement:"
                + " ERROR: change conflicts with another transaction (OC000) [update t set x = 1]");
        assertThat((Throwable) conflict.getSQLException()).isSameAs(e);
    }

    @Test
    void schemaConflictIsMarked() {
        SQLException e = new SQLException("schema has been updated by another transaction, please retry: (OC001)", "40001");
        DsqlConflictException conflict = (DsqlConflictException) delegate.convert(e, "JDBC exception executing SQL [schema has been updated by another transaction, please retry: (OC001)]", null);
        assertThat(conflict.isSchemaConflict()).isTrue();
        assertThat(conflict.getMessage()).isEqualTo("JDBC exception executing SQL [schema has been updated by another transaction, please retry: (OC001)]");
    }

    @Test
    void limitsAndRefusalsKeepDsqlsMessage() {
        JDBCException limit = delegate.convert(new SQLException("ERROR: transaction row limit exceeded", "54000"), "could not execute statement", null);
        assertThat((Throwable) limit).isInstanceOf(DsqlLimitExceededException.class)
                .hasMessage("could not execute statement: ERROR: transaction row limit exceeded");
        JDBCException columns = delegate.convert(new SQLException("ERROR: tables can have at most 255 columns", "54011"), "x", null);
        assertThat((Throwable) columns).isInstanceOf(DsqlLimitExceededException.class);
        JDBCException refusal = delegate.convert(new SQLException("ERROR: unsupported statement: Truncate\n  Position: 1", "0A000"), "could not execute statement", "truncate t");
        assertThat((Throwable) refusal).isInstanceOf(DsqlUnsupportedFeatureException.class)
                .hasMessage("could not execute statement: ERROR: unsupported statement: Truncate [truncate t]");
    }

    @Test
    void otherStatesAreLeftToPostgresqlsAndHibernatesDelegates() {
        assertThat((Throwable) delegate.convert(new SQLException("duplicate key", "23505"), "m", null)).isNull();
        assertThat((Throwable) delegate.convert(new SQLException("no state"), "m", null)).isNull();
        assertThat((Throwable) delegate.convert(new SQLException("canceling statement due to lock timeout", "55P03"), "m", null))
                .isInstanceOf(LockTimeoutException.class);
    }

    @Test
    void constraintNamesComeFromDsqlsMessages() {
        DsqlConstraintNameExtractor extractor = new DsqlConstraintNameExtractor();
        assertThat(extractor.extractConstraintName(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"customer_name_key\"\n  Detail: Key (name)=(a) already exists.", "23505")))
                .isEqualTo("customer_name_key");
        assertThat(extractor.extractConstraintName(new SQLException(
                "ERROR: insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", "23503")))
                .isEqualTo("child_parent_id_fkey");
        assertThat(extractor.extractConstraintName(new SQLException(
                "ERROR: new row for relation \"t\" violates check constraint \"t_m_check\"", "23514")))
                .isEqualTo("t_m_check");
        assertThat(extractor.extractConstraintName(new SQLException(
                "ERROR: value for domain d violates check constraint \"d_check\"", "23514")))
                .isEqualTo("d_check");
        assertThat(extractor.extractConstraintName(new SQLException("ERROR: null value in column \"x\"", "23502"))).isNull();
        SQLException batch = new SQLException("Batch entry 0 was aborted", "23505");
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint \"uk_x\"", "23505"));
        assertThat(extractor.extractConstraintName(batch)).isEqualTo("uk_x");
    }
}
