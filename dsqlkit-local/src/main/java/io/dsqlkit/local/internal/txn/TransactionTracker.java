package io.dsqlkit.local.internal.txn;

import io.dsqlkit.local.internal.classify.StatementKind;
import io.dsqlkit.local.internal.classify.TransactionCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Aurora DSQL's transaction rules for one session, as a pure state machine. The relay asks
 * {@link #beforeStatement} before forwarding each classified statement, then reports what the backing
 * PostgreSQL did: {@link #afterSuccess()}, {@link #afterError()} and, at every ReadyForQuery,
 * {@link #onReadyForQuery(char)}, whose status is the truth the tracker resynchronises to.
 *
 * <h2>Rules (DSQL-FACTS §4, §5; recorded on a real cluster)</h2>
 * <ul>
 *   <li>One DDL per transaction: {@code 0A000 multiple ddl statements not supported in a transaction}.</li>
 *   <li>No DDL and DML in one transaction, either order:
 *       {@code 0A000 ddl and dml are not supported in the same transaction}.</li>
 *   <li>Outside a transaction block each statement is its own transaction, so nothing carries over.</li>
 *   <li>A multi-statement simple query ({@code implicitBlock}) is one implicit transaction: the rules
 *       span the whole string, and once a statement fails PostgreSQL runs none of the rest
 *       ({@link Decision#skip()}).</li>
 *   <li>Any failure inside an explicit block, refusal or PostgreSQL error, fails the block: everything but
 *       COMMIT/ROLLBACK gets {@code 25P02}, even statements DSQL would refuse for other reasons; COMMIT
 *       then rolls back and answers {@code ROLLBACK}.</li>
 *   <li>SAVEPOINT, RELEASE, ROLLBACK TO: {@code 0A000 unsupported transaction statement: <name>}, in or
 *       out of a transaction.</li>
 *   <li>A statement arriving when the transaction is older than the limit (exactly the limit is still
 *       fine) gets {@code 54000 transaction age limit of 300s exceeded} and fails the transaction; a
 *       COMMIT gets the same error and the transaction is over (recorded: a statement begun in time runs
 *       to completion, the COMMIT after 310 s fails). ROLLBACK is always allowed.</li>
 *   <li>A refusal outside a transaction block leaves nothing behind.</li>
 * </ul>
 *
 * <h2>Where the recordings are silent</h2>
 * <ul>
 *   <li>{@link StatementKind#QUERY} is neither DDL nor DML. AWS's SQLAlchemy sample creates each table
 *       with {@code checkfirst}, i.e. a catalog SELECT then CREATE TABLE in one transaction, against
 *       live clusters; a read after the DDL is treated the same way. SESSION, CALL, UNKNOWN and
 *       TRANSACTION/OTHER are neutral too.</li>
 *   <li>BEGIN inside a block is allowed and changes nothing (PostgreSQL warns {@code 25001}); the age
 *       still counts from the first BEGIN. BEGIN after statements of the same implicit block turns that
 *       block explicit with those statements in it, as PostgreSQL does, so they count.</li>
 *   <li>COMMIT/ROLLBACK without a transaction are allowed (PostgreSQL warns {@code 25P01}); inside an
 *       implicit block they end it and later statements start a new one, as in PostgreSQL.</li>
 *   <li>A COMMIT that fails (refused or failing in PostgreSQL) leaves no transaction, as a failing
 *       COMMIT does in PostgreSQL; the age check comes before any statement-specific rule.</li>
 *   <li>RELEASE's message follows the recorded SAVEPOINT / ROLLBACK TO pattern.</li>
 * </ul>
 *
 * <p>Decisions for an implicit block are made statement by statement before any runs, assuming the
 * earlier ones succeed; a failure reported later settles the state at the next ReadyForQuery. Rules
 * enforced elsewhere (row and size limits by PostgreSQL triggers, dialect refusals by the relay) reach
 * the tracker as {@link #afterError()}; call it right after {@link #beforeStatement} when the relay
 * itself refuses the statement, so the rest of an implicit block is skipped. Not thread-safe: one
 * tracker per session.
 */
public final class TransactionTracker {

    /** DSQL's documented transaction time limit. */
    public static final Duration DSQL_MAX_TRANSACTION_AGE = Duration.ofSeconds(300);

    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String IN_FAILED_TRANSACTION = "25P02";
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    public static final String MULTIPLE_DDL = "multiple ddl statements not supported in a transaction";
    public static final String DDL_AND_DML = "ddl and dml are not supported in the same transaction";
    public static final String ABORTED =
            "current transaction is aborted, commands ignored until end of transaction block";
    public static final String UNSUPPORTED_TRANSACTION_STATEMENT = "unsupported transaction statement: ";

    private enum Mode { IDLE, IMPLICIT, EXPLICIT }

    /** Transaction state; immutable so a statement's failure can restore the state before it. */
    private record State(Mode mode, boolean aborted, int ddlCount, boolean hasDml, Instant startedAt) {
        static final State NONE = new State(Mode.IDLE, false, 0, false, null);

        static State fresh(Mode mode, Instant now) {
            return new State(mode, false, 0, false, now);
        }

        State withMode(Mode m) {
            return new State(m, aborted, ddlCount, hasDml, startedAt);
        }

        State withAborted(boolean a) {
            return new State(Mode.EXPLICIT, a, ddlCount, hasDml, startedAt);
        }

        State withDdl() {
            return new State(mode, aborted, ddlCount + 1, hasDml, startedAt);
        }

        State withDml() {
            return new State(mode, aborted, ddlCount, true, startedAt);
        }

        /** Autocommit statements keep nothing. */
        State kept() {
            return mode == Mode.IDLE ? NONE : this;
        }
    }

    private record Transition(Decision decision, State next) {
    }

    /** The latest admitted statement whose outcome is not known yet. */
    private record Pending(State before, TransactionCommand command) {
    }

    private final Clock clock;
    private final Duration maxTransactionAge;
    private final String ageMessage;

    private State state = State.NONE;
    private Pending pending;
    /** Between the first statement of an implicit block and the ReadyForQuery that ends it. */
    private boolean implicitExchange;
    /** A statement of the current implicit block failed: PostgreSQL runs none of the rest. */
    private boolean exchangeFailed;

    public TransactionTracker(Clock clock, Duration maxTransactionAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxTransactionAge, "maxTransactionAge");
        if (maxTransactionAge.isNegative() || maxTransactionAge.isZero()) {
            throw new IllegalArgumentException("maxTransactionAge must be positive: " + maxTransactionAge);
        }
        this.maxTransactionAge = maxTransactionAge;
        this.ageMessage = "transaction age limit of " + seconds(maxTransactionAge) + "s exceeded";
    }

    /**
     * Whether DSQL runs this statement, and the state it leaves if it succeeds.
     *
     * @param command       which transaction statement; {@link TransactionCommand#NONE} unless
     *                      {@code kind} is {@link StatementKind#TRANSACTION}
     * @param implicitBlock the statement shares one implicit transaction with the other statements of
     *                      its exchange (a multi-statement simple query)
     */
    public Decision beforeStatement(StatementKind kind, TransactionCommand command, boolean implicitBlock) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(command, "command");
        if ((kind == StatementKind.TRANSACTION) == (command == TransactionCommand.NONE)) {
            throw new IllegalArgumentException("command " + command + " does not fit kind " + kind);
        }
        if (implicitBlock) {
            if (implicitExchange && exchangeFailed) {
                return Decision.skip();
            }
            implicitExchange = true;
        } else {
            // A statement on its own is a new exchange; an implicit block never outlives its own.
            if (state.mode() == Mode.IMPLICIT) {
                state = State.NONE;
            }
            implicitExchange = false;
            exchangeFailed = false;
        }
        State before = state;
        Transition t = decide(before, kind, command, implicitBlock, clock.instant());
        state = t.next();
        if (t.decision().refused()) {
            // The refusal is the statement's failure, already applied.
            pending = null;
            exchangeFailed = implicitBlock;
        } else {
            pending = new Pending(before, command);
        }
        return t.decision();
    }

    /** The latest admitted statement succeeded. */
    public void afterSuccess() {
        pending = null;
    }

    /**
     * The latest admitted statement failed, in PostgreSQL or refused by another rule of the relay.
     * Repeating it for the same failure changes nothing; without a pending statement it fails the
     * current transaction, as any PostgreSQL error does.
     */
    public void afterError() {
        state = pending != null
                ? failed(pending.before(), pending.command())
                : failed(state, TransactionCommand.NONE);
        pending = null;
        if (implicitExchange) {
            exchangeFailed = true;
        }
    }

    /** ReadyForQuery from the backend: 'I' idle, 'T' in a block, 'E' in a failed block. */
    public void onReadyForQuery(char status) {
        switch (status) {
            case 'I':
                state = State.NONE;
                break;
            case 'T':
                state = openBlock().withAborted(false);
                break;
            case 'E':
                state = openBlock().withAborted(true);
                break;
            default:
                throw new IllegalArgumentException("transaction status must be I, T or E: " + status);
        }
        pending = null;
        implicitExchange = false;
        exchangeFailed = false;
    }

    /** The current transaction as an explicit block; one the tracker missed starts now. */
    private State openBlock() {
        return state.mode() == Mode.IDLE ? State.fresh(Mode.EXPLICIT, clock.instant()) : state;
    }

    /** An explicit transaction block is open, failed or not. */
    public boolean inTransaction() {
        return state.mode() == Mode.EXPLICIT;
    }

    /** The statements admitted so far belong to an implicit block that has not ended yet. */
    public boolean inImplicitBlock() {
        return state.mode() == Mode.IMPLICIT;
    }

    /** The explicit transaction has failed; only COMMIT and ROLLBACK are accepted. */
    public boolean aborted() {
        return state.aborted();
    }

    /** DDL statements admitted in the current transaction. */
    public int ddlCount() {
        return state.ddlCount();
    }

    /** A DML statement was admitted in the current transaction. */
    public boolean hasDml() {
        return state.hasDml();
    }

    /** The ReadyForQuery status DSQL would report now: 'I', 'T' or 'E'. */
    public char transactionStatus() {
        if (state.mode() != Mode.EXPLICIT) {
            return 'I';
        }
        return state.aborted() ? 'E' : 'T';
    }

    private Transition decide(State s, StatementKind kind, TransactionCommand command, boolean implicitBlock,
                              Instant now) {
        if (s.aborted()) {
            switch (command) {
                case COMMIT:
                    return new Transition(Decision.commitBecomesRollback(), State.NONE);
                case ROLLBACK:
                    return new Transition(Decision.allow(), State.NONE);
                default:
                    return refusal(s, command, IN_FAILED_TRANSACTION, ABORTED);
            }
        }
        if (s.mode() != Mode.IDLE && Duration.between(s.startedAt(), now).compareTo(maxTransactionAge) > 0) {
            switch (command) {
                case ROLLBACK:
                    return new Transition(Decision.allow(), State.NONE);
                case COMMIT:
                    return new Transition(Decision.refuseEndingTransaction(PROGRAM_LIMIT_EXCEEDED, ageMessage),
                            State.NONE);
                default:
                    return refusal(s, command, PROGRAM_LIMIT_EXCEEDED, ageMessage);
            }
        }
        // Outside a block, an implicit block's first statement opens its transaction; a lone statement
        // runs in a transaction of its own.
        State tx = s.mode() == Mode.IDLE ? State.fresh(implicitBlock ? Mode.IMPLICIT : Mode.IDLE, now) : s;
        switch (kind) {
            case DDL:
                if (tx.ddlCount() > 0) {
                    return refusal(s, command, FEATURE_NOT_SUPPORTED, MULTIPLE_DDL);
                }
                if (tx.hasDml()) {
                    return refusal(s, command, FEATURE_NOT_SUPPORTED, DDL_AND_DML);
                }
                return new Transition(Decision.allow(), tx.withDdl().kept());
            case DML:
                if (tx.ddlCount() > 0) {
                    return refusal(s, command, FEATURE_NOT_SUPPORTED, DDL_AND_DML);
                }
                return new Transition(Decision.allow(), tx.withDml().kept());
            case TRANSACTION:
                return transactionControl(s, tx, command);
            default:
                return new Transition(Decision.allow(), tx.kept());
        }
    }

    private Transition transactionControl(State s, State tx, TransactionCommand command) {
        switch (command) {
            case BEGIN:
                // PostgreSQL only warns (25001) inside a block, and makes an open implicit block explicit.
                return new Transition(Decision.allow(), s.mode() == Mode.EXPLICIT ? s : tx.withMode(Mode.EXPLICIT));
            case COMMIT:
            case ROLLBACK:
                return new Transition(Decision.allow(), State.NONE);
            case SAVEPOINT:
                return refusal(s, command, FEATURE_NOT_SUPPORTED, UNSUPPORTED_TRANSACTION_STATEMENT + "SAVEPOINT");
            case RELEASE:
                return refusal(s, command, FEATURE_NOT_SUPPORTED, UNSUPPORTED_TRANSACTION_STATEMENT + "RELEASE");
            case ROLLBACK_TO:
                return refusal(s, command, FEATURE_NOT_SUPPORTED, UNSUPPORTED_TRANSACTION_STATEMENT + "ROLLBACK TO");
            default:
                return new Transition(Decision.allow(), tx.kept());
        }
    }

    private static Transition refusal(State s, TransactionCommand command, String sqlState, String message) {
        return new Transition(Decision.refuse(sqlState, message), failed(s, command));
    }

    /** The state after a statement started in {@code before} fails. */
    private static State failed(State before, TransactionCommand command) {
        if (before.mode() != Mode.EXPLICIT) {
            // Autocommit or implicit block: that transaction is rolled back.
            return State.NONE;
        }
        if (command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK) {
            // A failing COMMIT still ends the block.
            return State.NONE;
        }
        return before.withAborted(true);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }
}
