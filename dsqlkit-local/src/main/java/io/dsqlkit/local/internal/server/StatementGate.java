package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.occ.SnapshotAnswer;
import io.dsqlkit.local.internal.wire.ServerError;

import java.util.List;

/**
 * DSQL's rules as the relay sees them: for each statement a client sends, what to forward to the
 * backing PostgreSQL and how to present the answer. Refusals are forwarded as statements that raise
 * the refusal inside PostgreSQL ({@link RaiseStatement}), so PostgreSQL's own transaction handling
 * does the rest exactly as for any failing statement: an explicit transaction is aborted, an implicit
 * one (autocommit, a multi-statement string) rolled back.
 */
public interface StatementGate {

    /** How to present one statement's result instead of PostgreSQL's. */
    sealed interface Result {
        /** Keep the rows, present this command tag. */
        record Tag(String tag) implements Result {
        }

        /** The front end's own statement: the client never sees its result. */
        record Swallow() implements Result {
        }

        /** Present this error instead of the statement's success. */
        record Fail(ServerError error) implements Result {
        }

        Swallow SWALLOW = new Swallow();
    }

    /**
     * The plan for a simple Query message.
     *
     * @param sql            text to forward
     * @param overrides      per statement of {@code sql}, in order: how to present its result, or
     *                       {@code null} to relay it; may be shorter than the statement count
     * @param jobsSubmitted  {@code sql} may submit async jobs that start when its transaction commits
     * @param guarded        index of the statement wrapped in a savepoint for conflict handling, or -1
     * @param conflictAnswer what the guarded statement answers if it meets a conflicting row
     * @param ddlInBlock     {@code sql} runs DDL inside a transaction block: the transactions it
     *                       would wait for must lose instead ({@link #ddlInBlock(String)})
     */
    record QueryPlan(String sql, List<Result> overrides, boolean jobsSubmitted, int guarded,
                     SnapshotAnswer conflictAnswer, boolean ddlInBlock) {
        public static QueryPlan unchanged(String sql) {
            return new QueryPlan(sql, List.of(), false, -1, null, false);
        }
    }

    /** The plan for a Parse message: the statement text to prepare (a refusal raises in PostgreSQL). */
    record ParsePlan(String sql) {
    }

    QueryPlan planQuery(String sql);

    ParsePlan planParse(String statementName, String sql);

    /**
     * Run {@code sql} through the client's portal in place of the prepared statement, and present
     * its result as {@code result} ({@code null}: relay it).
     */
    record Substitution(String sql, Result result) {
        public static Substitution refusal(ServerError error) {
            return new Substitution(RaiseStatement.of(error), null);
        }
    }

    /** Checked at Bind, when a prepared statement is about to run: {@code null}, or what to run instead. */
    Substitution beforeExecute(String statementName);

    /** How to present executions of a prepared statement, or {@code null} to relay them. */
    Result resultFor(String statementName);

    /** Whether executing this prepared statement may submit async jobs. */
    boolean submitsJobs(String statementName);

    /**
     * Whether this prepared statement, about to run, is DDL inside a transaction block. DSQL never
     * waits for a lock: the DDL goes through, and a transaction that read the catalog before it
     * commits fails its next statement with OC001. PostgreSQL would make the DDL wait for every
     * transaction that touched the table, so the transactions it waits for must lose while it runs.
     */
    boolean ddlInBlock(String statementName);

    /**
     * For a prepared statement about to run: what it answers if it meets a conflicting row (it is then
     * wrapped in a savepoint), or {@code null} to run it unguarded.
     */
    SnapshotAnswer conflictAnswer(String statementName);

    /** The transaction lost to another one that committed first: it must fail at COMMIT. */
    void doomTransaction();

    /**
     * What a session does at COMMIT when its transaction met other transactions' uncommitted
     * changes: runs the writes it deferred again, making the still-open transactions it meets lose
     * (on DSQL the first committer wins). Returns whether they all went through; if not, the
     * backend's transaction is aborted and the COMMIT must fail.
     */
    @FunctionalInterface
    interface ConflictRecovery {
        boolean commitFirst();
    }

    /**
     * A guarded statement met a conflict and answered from its snapshot: the transaction fails at
     * COMMIT unless {@code recovery} succeeds there (only for a COMMIT that starts its message, when
     * nothing else of the client's has reached the backend after the transaction's statements).
     */
    void conflictDeferred(ConflictRecovery recovery);

    /** The backing server reported an error for a forwarded statement. */
    void onError();

    /** ReadyForQuery: the backing server's transaction status ('I', 'T' or 'E'). */
    void onReadyForQuery(char status);

    /** A gate that forwards everything unchanged (PostgreSQL behaviour). */
    StatementGate PASS_THROUGH = new StatementGate() {
        @Override
        public QueryPlan planQuery(String sql) {
            return QueryPlan.unchanged(sql);
        }

        @Override
        public ParsePlan planParse(String statementName, String sql) {
            return new ParsePlan(sql);
        }

        @Override
        public Substitution beforeExecute(String statementName) {
            return null;
        }

        @Override
        public Result resultFor(String statementName) {
            return null;
        }

        @Override
        public boolean submitsJobs(String statementName) {
            return false;
        }

        @Override
        public boolean ddlInBlock(String statementName) {
            return false;
        }

        @Override
        public SnapshotAnswer conflictAnswer(String statementName) {
            return null;
        }

        @Override
        public void doomTransaction() {
        }

        @Override
        public void conflictDeferred(ConflictRecovery recovery) {
        }

        @Override
        public void onError() {
        }

        @Override
        public void onReadyForQuery(char status) {
        }
    };
}
