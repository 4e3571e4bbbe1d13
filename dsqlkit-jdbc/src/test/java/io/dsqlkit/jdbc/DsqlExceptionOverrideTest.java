package io.dsqlkit.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DsqlExceptionOverrideTest {
    private final DsqlExceptionOverride override = new DsqlExceptionOverride();

    private Override verdict(String state, String message) {
        return override.adjudicate(new SQLException(message, state));
    }

    @Test
    void dsqlsOrdinaryErrorsKeepTheConnection() {
        assertThat(verdict("0A000", "ERROR: unsupported transaction statement: SAVEPOINT")).isEqualTo(Override.DO_NOT_EVICT);
        assertThat(verdict("40001", "ERROR: change conflicts with another transaction (OC000)")).isEqualTo(Override.DO_NOT_EVICT);
        assertThat(verdict("40001", "ERROR: schema has been updated by another transaction (OC001)")).isEqualTo(Override.DO_NOT_EVICT);
        assertThat(verdict("54000", "ERROR: transaction row limit exceeded")).isEqualTo(Override.DO_NOT_EVICT);
        assertThat(verdict("XX000", "ERROR: server unavailable")).isEqualTo(Override.DO_NOT_EVICT);
    }

    @Test
    void connectionFailuresAndEverythingElseGoToHikarisRules() {
        assertThat(verdict("08006", "An I/O error occurred while sending to the backend.")).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(verdict("57P01", "terminating connection due to administrator command")).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(verdict("23505", "duplicate key")).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(verdict(null, "no state")).isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void aBrokenConnectionIsEvictedEvenWhenARefusalIsChainedToIt() {
        SQLException broken = new SQLException("This connection has been closed.", "08003");
        broken.setNextException(new SQLException("unsupported", "0A000"));
        assertThat(override.adjudicate(broken)).isEqualTo(Override.CONTINUE_EVICT);
    }
}
