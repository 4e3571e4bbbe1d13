package io.dsqlkit.local.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-cluster recordings replayed through the tracker: Dreamescaper/dsql-emulator
 * test/conformance/golden/{transaction,isolation,multi_statement}.json (2026-09-17/18) and a third-party
 * DSQL spike protocol (2026-09-23, S1-04 and S1-09). A refusal expected here is the recorded error; steps
 * the cluster failed for other reasons (dialect refusals, row cap, OCC) are allowed by the tracker and
 * then reported failed, as the relay would. The status column is the ReadyForQuery status the backing
 * PostgreSQL reports after the step, which the tracker must already agree with.
 */
class RecordedSequencesTest {

    static final Decision OK = TransactionTrackerTest.OK;
    static final Decision MULTIPLE_DDL = TransactionTrackerTest.MULTIPLE_DDL;
    static final Decision DDL_AND_DML = TransactionTrackerTest.DDL_AND_DML;
    static final Decision ABORTED = TransactionTrackerTest.ABORTED;
    static final Decision ROLLS_BACK = Decision.commitBecomesRollback();
    static final Decision SKIP = Decision.skip();

    /** How the backing PostgreSQL answers a statement the tracker did not refuse. */
    enum Backend { SUCCEEDS, FAILS }

    record Step(Duration delay, Stmt stmt, Decision expected, Backend backend, char status) {
    }

    static Step ok(Stmt s, char status) {
        return new Step(Duration.ZERO, s, OK, Backend.SUCCEEDS, status);
    }

    static Step failsElsewhere(Stmt s, char status) {
        return new Step(Duration.ZERO, s, OK, Backend.FAILS, status);
    }

    static Step tracker(Stmt s, Decision d, char status) {
        return new Step(Duration.ZERO, s, d, Backend.SUCCEEDS, status);
    }

    static Step after(Duration delay, Step step) {
        return new Step(delay, step.stmt(), step.expected(), step.backend(), step.status());
    }

    static Decision savepoint(String name) {
        return Decision.refuse("0A000", "unsupported transaction statement: " + name);
    }

    static Stream<Arguments> statementByStatement() {
        return Stream.of(
                Arguments.of("transaction.json savepoint", List.of(
                        tracker(Stmt.SAVEPOINT, savepoint("SAVEPOINT"), 'I'))),
                Arguments.of("transaction.json two_ddl_one_txn", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DDL, 'T'),
                        tracker(Stmt.DDL, MULTIPLE_DDL, 'E'))),
                Arguments.of("transaction.json ddl_then_dml", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DDL, 'T'),
                        tracker(Stmt.DML, DDL_AND_DML, 'E'))),
                Arguments.of("transaction.json row_cap", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.DML, 'E'),
                        tracker(Stmt.QUERY, ABORTED, 'E'))),
                Arguments.of("transaction.json commit", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DML, 'T'),
                        ok(Stmt.COMMIT, 'I'))),
                Arguments.of("transaction.json rollback", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DML, 'T'),
                        ok(Stmt.ROLLBACK, 'I'),
                        ok(Stmt.QUERY, 'I'))),
                Arguments.of("transaction.json read_only", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.SESSION, 'E'),
                        tracker(Stmt.QUERY, ABORTED, 'E'),
                        tracker(Stmt.COMMIT, ROLLS_BACK, 'I'))),
                Arguments.of("transaction.json rejection_aborts_txn", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.DML, 'E'),
                        tracker(Stmt.QUERY, ABORTED, 'E'),
                        ok(Stmt.ROLLBACK, 'I'))),
                Arguments.of("transaction.json aborted_txn_prefers_25P02", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.DML, 'E'),
                        tracker(Stmt.DML, ABORTED, 'E'),
                        ok(Stmt.ROLLBACK, 'I'))),
                Arguments.of("transaction.json aborted_txn_recovers_after_rollback", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.SESSION, 'E'),
                        ok(Stmt.ROLLBACK, 'I'),
                        ok(Stmt.QUERY, 'I'))),
                Arguments.of("transaction.json rejection_outside_txn_does_not_abort", List.of(
                        failsElsewhere(Stmt.DML, 'I'),
                        ok(Stmt.QUERY, 'I'))),
                Arguments.of("transaction.json row_cap_boundary", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DML, 'T'),
                        ok(Stmt.QUERY, 'T'),
                        ok(Stmt.ROLLBACK, 'I'))),
                Arguments.of("transaction.json row_cap_discards_rows", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        failsElsewhere(Stmt.DML, 'E'),
                        ok(Stmt.ROLLBACK, 'I'),
                        ok(Stmt.QUERY, 'I'))),
                Arguments.of("transaction.json row_cap_implicit", List.of(
                        failsElsewhere(Stmt.DML, 'I'))),
                Arguments.of("transaction.json rollback_to_savepoint", List.of(
                        tracker(Stmt.ROLLBACK_TO, savepoint("ROLLBACK TO"), 'I'))),
                Arguments.of("isolation.json set_transaction_serializable", List.of(
                        failsElsewhere(Stmt.SESSION, 'I'))),
                Arguments.of("isolation.json begin_serializable", List.of(
                        failsElsewhere(Stmt.BEGIN, 'I'))),
                Arguments.of("isolation.json begin_repeatable_read", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.QUERY, 'T'),
                        ok(Stmt.COMMIT, 'I'))),
                Arguments.of("isolation.json set_transaction_repeatable_read", List.of(
                        failsElsewhere(Stmt.SESSION, 'I'))),
                Arguments.of("isolation.json set_default_isolation", List.of(
                        failsElsewhere(Stmt.SESSION, 'I'))),
                Arguments.of("spike S1-04 OCC conflict at COMMIT", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.QUERY, 'T'),
                        ok(Stmt.DML, 'T'),
                        failsElsewhere(Stmt.COMMIT, 'I'),
                        ok(Stmt.ROLLBACK, 'I'))),
                Arguments.of("spike S1-09 two DDL, DDL and DML", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DDL, 'T'),
                        tracker(Stmt.DDL, MULTIPLE_DDL, 'E'),
                        ok(Stmt.ROLLBACK, 'I'),
                        ok(Stmt.BEGIN, 'T'),
                        ok(Stmt.DDL, 'T'),
                        tracker(Stmt.DML, DDL_AND_DML, 'E'),
                        ok(Stmt.ROLLBACK, 'I'))),
                // pg_sleep(310) began in time and completed; the COMMIT after it failed.
                Arguments.of("spike S1-09 transaction age", List.of(
                        ok(Stmt.BEGIN, 'T'),
                        after(Duration.ofMillis(15), ok(Stmt.DML, 'T')),
                        after(Duration.ofMillis(27), ok(Stmt.QUERY, 'T')),
                        after(Duration.ofMillis(310_203), tracker(Stmt.COMMIT, TransactionTrackerTest.COMMIT_TOO_OLD, 'I')),
                        ok(Stmt.ROLLBACK, 'I'))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void statementByStatement(String name, List<Step> steps) {
        MutableClock clock = new MutableClock(Instant.parse("2026-09-18T09:04:23Z"));
        TransactionTracker tracker = new TransactionTracker(clock, TransactionTracker.DSQL_MAX_TRANSACTION_AGE);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            clock.advance(step.delay());
            Decision d = step.stmt().alone(tracker);
            assertThat(d).as("step %d decision", i).isEqualTo(step.expected());
            if (d.refused() || step.backend() == Backend.FAILS) {
                tracker.afterError();
            } else {
                tracker.afterSuccess();
            }
            assertThat(tracker.transactionStatus()).as("step %d status", i).isEqualTo(step.status());
            tracker.onReadyForQuery(step.status());
        }
    }

    static Stream<Arguments> multiStatementStrings() {
        return Stream.of(
                Arguments.of("multi_statement.json multi_two_selects",
                        List.of(Stmt.QUERY, Stmt.QUERY), List.of(OK, OK), -1, 'I'),
                Arguments.of("multi_statement.json multi_two_ddl",
                        List.of(Stmt.DDL, Stmt.DDL), List.of(OK, MULTIPLE_DDL), -1, 'I'),
                Arguments.of("multi_statement.json multi_ddl_then_dml",
                        List.of(Stmt.DDL, Stmt.DML), List.of(OK, DDL_AND_DML), -1, 'I'),
                Arguments.of("multi_statement.json multi_ddl_then_async_index",
                        List.of(Stmt.DDL, Stmt.DDL), List.of(OK, MULTIPLE_DDL), -1, 'I'),
                Arguments.of("multi_statement.json multi_async_index_in_txn",
                        List.of(Stmt.BEGIN, Stmt.DDL, Stmt.COMMIT), List.of(OK, OK, OK), -1, 'I'),
                Arguments.of("multi_statement.json multi_dml_in_txn",
                        List.of(Stmt.BEGIN, Stmt.DML, Stmt.COMMIT), List.of(OK, OK, OK), -1, 'I'),
                Arguments.of("two DDL then more: the rest is skipped",
                        List.of(Stmt.DDL, Stmt.DDL, Stmt.QUERY, Stmt.COMMIT), List.of(OK, MULTIPLE_DDL, SKIP, SKIP), -1, 'I'),
                Arguments.of("explicit block failing inside the string",
                        List.of(Stmt.BEGIN, Stmt.DDL, Stmt.DML, Stmt.COMMIT), List.of(OK, OK, DDL_AND_DML, SKIP), -1, 'E'),
                Arguments.of("PostgreSQL error mid-string inside BEGIN",
                        List.of(Stmt.BEGIN, Stmt.DML, Stmt.COMMIT), List.of(OK, OK, OK), 1, 'E'),
                Arguments.of("PostgreSQL error mid-string, implicit",
                        List.of(Stmt.DML, Stmt.DML, Stmt.QUERY), List.of(OK, OK, OK), 0, 'I'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void multiStatementStrings(String name, List<Stmt> statements, List<Decision> expected, int failsAt, char status) {
        MutableClock clock = new MutableClock(Instant.parse("2026-09-17T14:54:30Z"));
        TransactionTracker tracker = new TransactionTracker(clock, TransactionTracker.DSQL_MAX_TRANSACTION_AGE);
        List<Decision> decisions = new ArrayList<>();
        for (Stmt s : statements) {
            decisions.add(s.inBlock(tracker));
        }
        assertThat(decisions).isEqualTo(expected);
        // PostgreSQL runs the string up to its first failure: a raised refusal or a real error.
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).refused() || i == failsAt) {
                tracker.afterError();
                break;
            }
            tracker.afterSuccess();
        }
        tracker.onReadyForQuery(status);
        assertThat(tracker.transactionStatus()).isEqualTo(status);
        assertThat(tracker.inImplicitBlock()).isFalse();
        Decision next = Stmt.QUERY.alone(tracker);
        assertThat(next).isEqualTo(status == 'E' ? ABORTED : OK);
    }
}
