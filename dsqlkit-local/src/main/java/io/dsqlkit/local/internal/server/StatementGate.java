package io.dsqlkit.local.internal.server;

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

    /**
     * The plan for a simple Query message.
     *
     * @param sql          text to forward
     * @param tagOverrides per statement of {@code sql}, in order: the command tag to present instead of
     *                     PostgreSQL's, or {@code null} to keep it; may be shorter than the statement count
     * @param injected     {@code sql} contains refusals raised by the front end
     * @param jobsSubmitted {@code sql} may submit async jobs that start when its transaction commits
     */
    record QueryPlan(String sql, List<String> tagOverrides, boolean injected, boolean jobsSubmitted) {
        public static QueryPlan unchanged(String sql) {
            return new QueryPlan(sql, List.of(), false, false);
        }
    }

    /** The plan for a Parse message: the statement text to prepare instead, and whether it raises a refusal. */
    record ParsePlan(String sql, boolean injected) {
    }

    QueryPlan planQuery(String sql);

    ParsePlan planParse(String statementName, String sql);

    /** Checked at Bind, when a prepared statement is about to run: {@code null}, or the refusal to raise. */
    ServerError beforeExecute(String statementName);

    /** Command tag to present for executions of a prepared statement, or {@code null}. */
    String tagFor(String statementName);

    /** Whether executing this prepared statement may submit async jobs. */
    boolean submitsJobs(String statementName);

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
            return new ParsePlan(sql, false);
        }

        @Override
        public ServerError beforeExecute(String statementName) {
            return null;
        }

        @Override
        public String tagFor(String statementName) {
            return null;
        }

        @Override
        public boolean submitsJobs(String statementName) {
            return false;
        }

        @Override
        public void onError() {
        }

        @Override
        public void onReadyForQuery(char status) {
        }
    };
}
