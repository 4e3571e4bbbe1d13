package io.dsqlkit.local.internal.txn;

import io.dsqlkit.local.internal.classify.StatementKind;
import io.dsqlkit.local.internal.classify.TransactionCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionTrackerTest {

    static final Decision OK = Decision.allow();
    static final Decision MULTIPLE_DDL =
            Decision.refuse("0A000", "multiple ddl statements not supported in a transaction");
    static final Decision DDL_AND_DML =
            Decision.refuse("0A000", "ddl and dml are not supported in the same transaction");
    static final Decision ABORTED = Decision.refuse("25P02",
            "current transaction is aborted, commands ignored until end of transaction block");
    static final Decision TOO_OLD = Decision.refuse("54000", "transaction age limit of 300s exceeded");
    static final Decision COMMIT_TOO_OLD =
            Decision.refuseEndingTransaction("54000", "transaction age limit of 300s exceeded");

    MutableClock clock;
    TransactionTracker tracker;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-09-18T09:00:00Z"));
        tracker = new TransactionTracker(clock, TransactionTracker.DSQL_MAX_TRANSACTION_AGE);
    }

    /** Runs a statement on its own that PostgreSQL completes, with the status it then reports. */
    Decision run(Stmt s, char status) {
        Decision d = s.alone(tracker);
        if (d.refused()) {
            tracker.afterError();
        } else {
            tracker.afterSuccess();
        }
        tracker.onReadyForQuery(status);
        return d;
    }

    static Decision savepointRefusal(Stmt s) {
        String name = s == Stmt.ROLLBACK_TO ? "ROLLBACK TO" : s.name();
        return Decision.refuse("0A000", "unsupported transaction statement: " + name);
    }

    void assertIdle() {
        assertThat(tracker.inTransaction()).isFalse();
        assertThat(tracker.inImplicitBlock()).isFalse();
        assertThat(tracker.aborted()).isFalse();
        assertThat(tracker.ddlCount()).isZero();
        assertThat(tracker.hasDml()).isFalse();
        assertThat(tracker.transactionStatus()).isEqualTo('I');
    }

    @Nested
    class Autocommit {

        @Test
        void eachStatementIsItsOwnTransaction() {
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertIdle();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @Test
        void commitAndRollbackWithoutATransactionAreHarmless() {
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.ROLLBACK.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @ParameterizedTest
        @EnumSource(value = Stmt.class, names = {"SAVEPOINT", "RELEASE", "ROLLBACK_TO"})
        void savepointsAreRefusedAndLeaveNothingBehind(Stmt s) {
            assertThat(s.alone(tracker)).isEqualTo(savepointRefusal(s));
            assertIdle();
            tracker.afterError();
            assertIdle();
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void aPostgresErrorOutsideATransactionFailsNothing() {
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            tracker.afterError();
            assertIdle();
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void noAgeLimitBetweenAutocommitStatements() {
            Stmt.DML.alone(tracker);
            clock.advance(Duration.ofHours(2));
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
        }
    }

    @Nested
    class ExplicitTransaction {

        @Test
        void beginOpensACleanTransaction() {
            assertThat(run(Stmt.BEGIN, 'T')).isEqualTo(OK);
            assertThat(tracker.inTransaction()).isTrue();
            assertThat(tracker.aborted()).isFalse();
            assertThat(tracker.transactionStatus()).isEqualTo('T');
            assertThat(tracker.ddlCount()).isZero();
        }

        @Test
        void secondDdlIsRefusedAndFailsTheTransaction() {
            Stmt.BEGIN.alone(tracker);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertThat(tracker.ddlCount()).isEqualTo(1);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(MULTIPLE_DDL);
            assertThat(tracker.aborted()).isTrue();
            assertThat(tracker.transactionStatus()).isEqualTo('E');
        }

        @Test
        void dmlAfterDdlIsRefused() {
            Stmt.BEGIN.alone(tracker);
            Stmt.DDL.alone(tracker);
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(DDL_AND_DML);
            assertThat(tracker.aborted()).isTrue();
        }

        @Test
        void ddlAfterDmlIsRefused() {
            Stmt.BEGIN.alone(tracker);
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            assertThat(tracker.hasDml()).isTrue();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(DDL_AND_DML);
            assertThat(tracker.aborted()).isTrue();
        }

        @Test
        void manyDmlStatementsShareATransaction() {
            Stmt.BEGIN.alone(tracker);
            for (int i = 0; i < 5; i++) {
                assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            }
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @ParameterizedTest
        @EnumSource(value = Stmt.class, names = {"QUERY", "SESSION", "CALL", "UNKNOWN", "TXN_OTHER"})
        void neutralStatementsMixWithDdl(Stmt neutral) {
            Stmt.BEGIN.alone(tracker);
            assertThat(neutral.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertThat(neutral.alone(tracker)).isEqualTo(OK);
            assertThat(tracker.ddlCount()).isEqualTo(1);
            assertThat(tracker.hasDml()).isFalse();
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(OK);
        }

        @ParameterizedTest
        @EnumSource(value = Stmt.class, names = {"QUERY", "SESSION", "CALL", "UNKNOWN", "TXN_OTHER"})
        void neutralStatementsMixWithDml(Stmt neutral) {
            Stmt.BEGIN.alone(tracker);
            assertThat(neutral.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            assertThat(neutral.alone(tracker)).isEqualTo(OK);
            assertThat(tracker.ddlCount()).isZero();
        }

        @Test
        void commitStartsTheNextTransactionClean() {
            Stmt.BEGIN.alone(tracker);
            Stmt.DDL.alone(tracker);
            Stmt.COMMIT.alone(tracker);
            assertIdle();
            Stmt.BEGIN.alone(tracker);
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void rollbackStartsTheNextTransactionClean() {
            Stmt.BEGIN.alone(tracker);
            Stmt.DML.alone(tracker);
            assertThat(Stmt.ROLLBACK.alone(tracker)).isEqualTo(OK);
            assertIdle();
            Stmt.BEGIN.alone(tracker);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void beginInsideATransactionChangesNothing() {
            Stmt.BEGIN.alone(tracker);
            Stmt.DDL.alone(tracker);
            assertThat(Stmt.BEGIN.alone(tracker)).isEqualTo(OK);
            assertThat(tracker.ddlCount()).isEqualTo(1);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(MULTIPLE_DDL);
        }

        @ParameterizedTest
        @EnumSource(value = Stmt.class, names = {"SAVEPOINT", "RELEASE", "ROLLBACK_TO"})
        void savepointsAreRefusedAndFailTheTransaction(Stmt s) {
            Stmt.BEGIN.alone(tracker);
            Stmt.DML.alone(tracker);
            assertThat(s.alone(tracker)).isEqualTo(savepointRefusal(s));
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(ABORTED);
        }
    }

    @Nested
    class FailedTransaction {

        @BeforeEach
        void failOne() {
            Stmt.BEGIN.alone(tracker);
            Stmt.DML.alone(tracker);
            Stmt.DDL.alone(tracker);
            assertThat(tracker.aborted()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = Stmt.class, names = {"COMMIT", "ROLLBACK"}, mode = EnumSource.Mode.EXCLUDE)
        void everythingButCommitAndRollbackGets25P02(Stmt s) {
            assertThat(s.alone(tracker)).isEqualTo(ABORTED);
            assertThat(tracker.aborted()).isTrue();
            assertThat(tracker.inTransaction()).isTrue();
        }

        @Test
        void commitRollsBackAndReportsRollback() {
            Decision d = Stmt.COMMIT.alone(tracker);
            assertThat(d).isEqualTo(Decision.commitBecomesRollback());
            assertThat(d.commandTagOverride()).isEqualTo("ROLLBACK");
            assertIdle();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void rollbackEndsIt() {
            assertThat(Stmt.ROLLBACK.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @Test
        void repeatedRefusalsKeepItFailed() {
            for (int i = 0; i < 3; i++) {
                assertThat(Stmt.DML.alone(tracker)).isEqualTo(ABORTED);
                tracker.afterError();
            }
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(Decision.commitBecomesRollback());
        }

        @Test
        void prefers25P02OverTheAgeLimit() {
            clock.advance(Duration.ofSeconds(400));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(ABORTED);
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(Decision.commitBecomesRollback());
        }
    }

    @Nested
    class PostgresErrors {

        @Test
        void anErrorInsideATransactionFailsIt() {
            run(Stmt.BEGIN, 'T');
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(OK);
            tracker.afterError();
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(ABORTED);
        }

        @Test
        void aFailedBeginOpensNothing() {
            assertThat(Stmt.BEGIN.alone(tracker)).isEqualTo(OK);
            tracker.afterError();
            assertIdle();
        }

        @Test
        void aFailedCommitEndsTheTransaction() {
            run(Stmt.BEGIN, 'T');
            run(Stmt.DML, 'T');
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(OK);
            tracker.afterError();
            assertIdle();
        }

        @Test
        void reportingTheSameErrorTwiceChangesNothing() {
            run(Stmt.BEGIN, 'T');
            Stmt.DML.alone(tracker);
            tracker.afterError();
            tracker.afterError();
            assertThat(tracker.aborted()).isTrue();
            Stmt.ROLLBACK.alone(tracker);
            Stmt.BEGIN.alone(tracker);
            tracker.afterError();
            tracker.afterError();
            assertIdle();
        }

        @Test
        void anErrorAfterTheLastStatementSucceededStillFailsTheTransaction() {
            run(Stmt.BEGIN, 'T');
            Stmt.DML.alone(tracker);
            tracker.afterSuccess();
            tracker.afterError();
            assertThat(tracker.aborted()).isTrue();
        }
    }

    @Nested
    class AgeLimit {

        @BeforeEach
        void begin() {
            run(Stmt.BEGIN, 'T');
            run(Stmt.DML, 'T');
        }

        @Test
        void exactlyAtTheLimitIsAllowed() {
            clock.advance(Duration.ofSeconds(300));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void pastTheLimitAStatementIsRefusedAndFailsTheTransaction() {
            clock.advance(Duration.ofSeconds(300).plusNanos(1));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(TOO_OLD);
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.DML.alone(tracker)).isEqualTo(ABORTED);
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(Decision.commitBecomesRollback());
        }

        @Test
        void pastTheLimitCommitFailsAndEndsTheTransaction() {
            clock.advance(Duration.ofSeconds(310));
            Decision d = Stmt.COMMIT.alone(tracker);
            assertThat(d).isEqualTo(COMMIT_TOO_OLD);
            assertThat(d.endsTransaction()).isTrue();
            assertIdle();
        }

        @Test
        void pastTheLimitRollbackIsAllowed() {
            clock.advance(Duration.ofMinutes(30));
            assertThat(Stmt.ROLLBACK.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @Test
        void pastTheLimitBeginIsRefusedToo() {
            clock.advance(Duration.ofSeconds(301));
            assertThat(Stmt.BEGIN.alone(tracker)).isEqualTo(TOO_OLD);
            assertThat(tracker.aborted()).isTrue();
        }

        @Test
        void ageCountsFromTheFirstBeginNotTheLastStatement() {
            clock.advance(Duration.ofSeconds(200));
            assertThat(Stmt.BEGIN.alone(tracker)).isEqualTo(OK);
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(OK);
            clock.advance(Duration.ofSeconds(101));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(TOO_OLD);
        }

        @Test
        void aNewTransactionGetsAFreshClock() {
            clock.advance(Duration.ofSeconds(299));
            run(Stmt.COMMIT, 'I');
            run(Stmt.BEGIN, 'T');
            clock.advance(Duration.ofSeconds(299));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void theMessageNamesTheConfiguredLimit() {
            TransactionTracker t = new TransactionTracker(clock, Duration.ofSeconds(90));
            Stmt.BEGIN.alone(t);
            clock.advance(Duration.ofSeconds(91));
            assertThat(Stmt.QUERY.alone(t))
                    .isEqualTo(Decision.refuse("54000", "transaction age limit of 90s exceeded"));

            TransactionTracker fractional = new TransactionTracker(clock, Duration.ofMillis(1500));
            Stmt.BEGIN.alone(fractional);
            clock.advance(Duration.ofSeconds(2));
            assertThat(Stmt.QUERY.alone(fractional).message()).isEqualTo("transaction age limit of 1.5s exceeded");
        }
    }

    @Nested
    class ImplicitBlock {

        @Test
        void twoDdlFailTheSecondAndSkipTheRest() {
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(OK);
            assertThat(tracker.inImplicitBlock()).isTrue();
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(MULTIPLE_DDL);
            assertIdle();
            assertThat(Stmt.QUERY.inBlock(tracker)).isEqualTo(Decision.skip());
            assertThat(Stmt.COMMIT.inBlock(tracker)).isEqualTo(Decision.skip());
            tracker.afterSuccess();
            tracker.afterError();
            tracker.onReadyForQuery('I');
            assertIdle();
        }

        @Test
        void ddlThenDmlIsRefused() {
            Stmt.DDL.inBlock(tracker);
            assertThat(Stmt.DML.inBlock(tracker)).isEqualTo(DDL_AND_DML);
        }

        @Test
        void dmlThenDdlIsRefused() {
            Stmt.DML.inBlock(tracker);
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(DDL_AND_DML);
        }

        @Test
        void queriesAloneAreFine() {
            assertThat(Stmt.QUERY.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.QUERY.inBlock(tracker)).isEqualTo(OK);
            tracker.onReadyForQuery('I');
            assertIdle();
        }

        @Test
        void theBlockEndsAtReadyForQuery() {
            Stmt.DDL.inBlock(tracker);
            tracker.onReadyForQuery('I');
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(OK);
        }

        @Test
        void theBlockEndsWhenALoneStatementArrives() {
            Stmt.DDL.inBlock(tracker);
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            assertIdle();
        }

        @Test
        void anExplicitTransactionInsideTheString() {
            assertThat(Stmt.BEGIN.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.COMMIT.inBlock(tracker)).isEqualTo(OK);
            assertIdle();
            tracker.onReadyForQuery('I');
            assertIdle();
        }

        @Test
        void statementsBeforeBeginJoinTheExplicitTransaction() {
            Stmt.DDL.inBlock(tracker);
            assertThat(Stmt.BEGIN.inBlock(tracker)).isEqualTo(OK);
            assertThat(tracker.inTransaction()).isTrue();
            assertThat(tracker.ddlCount()).isEqualTo(1);
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(MULTIPLE_DDL);
            assertThat(tracker.aborted()).isTrue();
        }

        @Test
        void commitInsideTheStringStartsANewImplicitTransaction() {
            Stmt.DDL.inBlock(tracker);
            assertThat(Stmt.COMMIT.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.DML.inBlock(tracker)).isEqualTo(OK);
            assertThat(tracker.inImplicitBlock()).isTrue();
            assertThat(tracker.hasDml()).isTrue();
        }

        @Test
        void aStringOpeningATransactionLeavesItOpen() {
            Stmt.BEGIN.inBlock(tracker);
            Stmt.DML.inBlock(tracker);
            tracker.onReadyForQuery('T');
            assertThat(tracker.inTransaction()).isTrue();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(DDL_AND_DML);
        }

        @Test
        void aStringInsideAnExplicitTransactionContinuesIt() {
            run(Stmt.BEGIN, 'T');
            run(Stmt.DML, 'T');
            assertThat(Stmt.QUERY.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(DDL_AND_DML);
            assertThat(Stmt.ROLLBACK.inBlock(tracker)).isEqualTo(Decision.skip());
            assertThat(tracker.aborted()).isTrue();
            tracker.onReadyForQuery('E');
            assertThat(Stmt.ROLLBACK.alone(tracker)).isEqualTo(OK);
        }

        @Test
        void aRefusedFirstStatementLeavesNothing() {
            assertThat(Stmt.SAVEPOINT.inBlock(tracker)).isEqualTo(savepointRefusal(Stmt.SAVEPOINT));
            assertIdle();
            assertThat(Stmt.DML.inBlock(tracker)).isEqualTo(Decision.skip());
            tracker.onReadyForQuery('I');
            assertThat(Stmt.DML.inBlock(tracker)).isEqualTo(OK);
        }

        @Test
        void aRelayRefusalReportedAtOnceSkipsTheRest() {
            assertThat(Stmt.BEGIN.inBlock(tracker)).isEqualTo(OK);
            assertThat(Stmt.DML.inBlock(tracker)).isEqualTo(OK);
            tracker.afterError();
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.QUERY.inBlock(tracker)).isEqualTo(Decision.skip());
        }

        @Test
        void aPostgresErrorInTheBlockRollsItBack() {
            Stmt.DML.inBlock(tracker);
            Stmt.DML.inBlock(tracker);
            tracker.afterError();
            assertIdle();
            tracker.onReadyForQuery('I');
            assertThat(Stmt.DDL.inBlock(tracker)).isEqualTo(OK);
        }
    }

    @Nested
    class Resynchronisation {

        @Test
        void idleAfterCommitClearsEverything() {
            run(Stmt.BEGIN, 'T');
            run(Stmt.DDL, 'T');
            run(Stmt.COMMIT, 'I');
            assertIdle();
        }

        @Test
        void failedBlockAfterAnErrorMidString() {
            // BEGIN; INSERT (fails); COMMIT: planned optimistically, PostgreSQL stops at the INSERT.
            Stmt.BEGIN.inBlock(tracker);
            Stmt.DML.inBlock(tracker);
            Stmt.COMMIT.inBlock(tracker);
            assertIdle();
            tracker.afterSuccess();
            tracker.afterError();
            tracker.onReadyForQuery('E');
            assertThat(tracker.inTransaction()).isTrue();
            assertThat(tracker.aborted()).isTrue();
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(ABORTED);
            assertThat(Stmt.COMMIT.alone(tracker)).isEqualTo(Decision.commitBecomesRollback());
        }

        @Test
        void idleFromTheBackendEndsAFailedTransaction() {
            run(Stmt.BEGIN, 'T');
            Stmt.SAVEPOINT.alone(tracker);
            assertThat(tracker.aborted()).isTrue();
            tracker.onReadyForQuery('I');
            assertIdle();
        }

        @Test
        void inBlockFromTheBackendOpensATransactionTheTrackerMissed() {
            tracker.onReadyForQuery('T');
            assertThat(tracker.inTransaction()).isTrue();
            assertThat(tracker.aborted()).isFalse();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(OK);
            clock.advance(Duration.ofSeconds(301));
            assertThat(Stmt.QUERY.alone(tracker)).isEqualTo(TOO_OLD);
        }

        @Test
        void inBlockFromTheBackendKeepsWhatTheTransactionDid() {
            run(Stmt.BEGIN, 'T');
            Stmt.DML.alone(tracker);
            tracker.onReadyForQuery('T');
            assertThat(tracker.hasDml()).isTrue();
            assertThat(Stmt.DDL.alone(tracker)).isEqualTo(DDL_AND_DML);
        }

        @Test
        void failedBlockFromTheBackendWhenTheTrackerWasIdle() {
            tracker.onReadyForQuery('E');
            assertThat(tracker.aborted()).isTrue();
            assertThat(tracker.transactionStatus()).isEqualTo('E');
        }

        @Test
        void unknownStatusIsRejected() {
            assertThatThrownBy(() -> tracker.onReadyForQuery('X')).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Arguments {

        @Test
        void commandMustMatchKind() {
            assertThatThrownBy(() -> tracker.beforeStatement(StatementKind.TRANSACTION, TransactionCommand.NONE, false))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tracker.beforeStatement(StatementKind.DML, TransactionCommand.BEGIN, false))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tracker.beforeStatement(null, TransactionCommand.NONE, false))
                    .isInstanceOf(NullPointerException.class);
            assertIdle();
        }

        @Test
        void limitMustBePositive() {
            assertThatThrownBy(() -> new TransactionTracker(clock, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TransactionTracker(clock, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TransactionTracker(null, Duration.ofSeconds(1)))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
