package io.dsqlkit.local.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void allowCarriesNoError() {
        Decision d = Decision.allow();
        assertThat(d.verdict()).isEqualTo(Decision.Verdict.ALLOW);
        assertThat(d.allowed()).isTrue();
        assertThat(d.refused()).isFalse();
        assertThat(d.sqlState()).isNull();
        assertThat(d.message()).isNull();
        assertThat(d.commandTagOverride()).isNull();
        assertThat(d.endsTransaction()).isFalse();
    }

    @Test
    void refusalCarriesSqlStateAndMessage() {
        Decision d = Decision.refuse("0A000", "nope");
        assertThat(d.refused()).isTrue();
        assertThat(d.allowed()).isFalse();
        assertThat(d.sqlState()).isEqualTo("0A000");
        assertThat(d.message()).isEqualTo("nope");
        assertThat(d.endsTransaction()).isFalse();
        assertThat(d).isEqualTo(Decision.refuse("0A000", "nope")).hasSameHashCodeAs(Decision.refuse("0A000", "nope"));
        assertThat(d).isNotEqualTo(Decision.refuseEndingTransaction("0A000", "nope"));
        assertThat(d).hasToString("REFUSE 0A000 nope");
    }

    @Test
    void endingRefusalSaysSo() {
        Decision d = Decision.refuseEndingTransaction("54000", "late");
        assertThat(d.refused()).isTrue();
        assertThat(d.endsTransaction()).isTrue();
        assertThat(d).hasToString("REFUSE 54000 late (ends transaction)");
    }

    @Test
    void commitBecomesRollbackOverridesTheTag() {
        Decision d = Decision.commitBecomesRollback();
        assertThat(d.commitRollsBack()).isTrue();
        assertThat(d.allowed()).isFalse();
        assertThat(d.refused()).isFalse();
        assertThat(d.commandTagOverride()).isEqualTo("ROLLBACK");
    }

    @Test
    void skipIsNeitherAllowedNorRefused() {
        Decision d = Decision.skip();
        assertThat(d.skipped()).isTrue();
        assertThat(d.allowed()).isFalse();
        assertThat(d.refused()).isFalse();
        assertThat(d.sqlState()).isNull();
    }

    @Test
    void refusalNeedsAFiveCharacterSqlStateAndAMessage() {
        assertThatThrownBy(() -> Decision.refuse("0A00", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.refuse(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.refuse("0A000", null)).isInstanceOf(NullPointerException.class);
    }
}
