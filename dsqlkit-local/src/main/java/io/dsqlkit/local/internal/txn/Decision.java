package io.dsqlkit.local.internal.txn;

import java.util.Objects;

/**
 * What the relay does with one statement, per {@link TransactionTracker#beforeStatement}.
 *
 * <ul>
 *   <li>{@link Verdict#ALLOW}: forward it unchanged.</li>
 *   <li>{@link Verdict#REFUSE}: answer with {@link #sqlState()} and {@link #message()} instead; raising
 *       it inside PostgreSQL gives PostgreSQL's own abort handling. If {@link #endsTransaction()}, DSQL
 *       also ends the transaction (a failed COMMIT), so the backend's transaction must be rolled back and
 *       the error raised outside it.</li>
 *   <li>{@link Verdict#COMMIT_BECOMES_ROLLBACK}: a COMMIT of a failed transaction; it rolls back and is
 *       answered with the {@code ROLLBACK} tag. PostgreSQL does exactly that for a COMMIT in its own
 *       failed block, so forwarding is enough while the backend is aborted too.</li>
 *   <li>{@link Verdict#SKIP}: an earlier statement of the same implicit block failed, so neither DSQL
 *       nor PostgreSQL runs this one and the client gets no result for it.</li>
 * </ul>
 */
public final class Decision {

    public enum Verdict { ALLOW, REFUSE, COMMIT_BECOMES_ROLLBACK, SKIP }

    private static final Decision ALLOW = new Decision(Verdict.ALLOW, null, null, false);
    private static final Decision COMMIT_BECOMES_ROLLBACK =
            new Decision(Verdict.COMMIT_BECOMES_ROLLBACK, null, null, false);
    private static final Decision SKIP = new Decision(Verdict.SKIP, null, null, false);

    private final Verdict verdict;
    private final String sqlState;
    private final String message;
    private final boolean endsTransaction;

    private Decision(Verdict verdict, String sqlState, String message, boolean endsTransaction) {
        this.verdict = verdict;
        this.sqlState = sqlState;
        this.message = message;
        this.endsTransaction = endsTransaction;
    }

    public static Decision allow() {
        return ALLOW;
    }

    /** A refusal; inside an explicit transaction it leaves the transaction failed. */
    public static Decision refuse(String sqlState, String message) {
        return refusal(sqlState, message, false);
    }

    /** A refusal after which no transaction is open: DSQL failed the COMMIT and rolled back. */
    public static Decision refuseEndingTransaction(String sqlState, String message) {
        return refusal(sqlState, message, true);
    }

    public static Decision commitBecomesRollback() {
        return COMMIT_BECOMES_ROLLBACK;
    }

    public static Decision skip() {
        return SKIP;
    }

    private static Decision refusal(String sqlState, String message, boolean endsTransaction) {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
        }
        return new Decision(Verdict.REFUSE, sqlState, message, endsTransaction);
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }

    public boolean refused() {
        return verdict == Verdict.REFUSE;
    }

    public boolean skipped() {
        return verdict == Verdict.SKIP;
    }

    /** The COMMIT rolls back and is answered with the {@code ROLLBACK} command tag. */
    public boolean commitRollsBack() {
        return verdict == Verdict.COMMIT_BECOMES_ROLLBACK;
    }

    /** The command tag to present instead of the backend's, or {@code null} to keep it. */
    public String commandTagOverride() {
        return commitRollsBack() ? "ROLLBACK" : null;
    }

    /** The refusal's SQLSTATE, or {@code null} unless {@link #refused()}. */
    public String sqlState() {
        return sqlState;
    }

    /** The refusal's message, or {@code null} unless {@link #refused()}. */
    public String message() {
        return message;
    }

    /** A refusal that also ends the transaction; see {@link #refuseEndingTransaction}. */
    public boolean endsTransaction() {
        return endsTransaction;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Decision)) {
            return false;
        }
        Decision d = (Decision) o;
        return verdict == d.verdict && endsTransaction == d.endsTransaction
                && Objects.equals(sqlState, d.sqlState) && Objects.equals(message, d.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(verdict, sqlState, message, endsTransaction);
    }

    @Override
    public String toString() {
        if (verdict != Verdict.REFUSE) {
            return verdict.name();
        }
        return "REFUSE " + sqlState + " " + message + (endsTransaction ? " (ends transaction)" : "");
    }
}
