package io.dsqlkit.local.internal.session;

import io.dsqlkit.local.internal.classify.AsyncIndex;
import io.dsqlkit.local.internal.classify.AsyncValidate;
import io.dsqlkit.local.internal.classify.Classification;
import io.dsqlkit.local.internal.classify.RowLock;
import io.dsqlkit.local.internal.classify.StatementKind;
import io.dsqlkit.local.internal.classify.TransactionCommand;
import io.dsqlkit.local.internal.occ.SnapshotAnswer;
import io.dsqlkit.local.internal.rules.Refusal;
import io.dsqlkit.local.internal.classify.RuleIds;
import io.dsqlkit.local.internal.server.ClusterRoute;
import io.dsqlkit.local.internal.server.RaiseStatement;
import io.dsqlkit.local.internal.server.StatementGate;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;
import io.dsqlkit.local.internal.sql.SqlStatements;
import io.dsqlkit.local.internal.txn.Decision;
import io.dsqlkit.local.internal.txn.TransactionTracker;
import io.dsqlkit.local.internal.wire.ServerError;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's view of DSQL's rules. For every statement, in order: the transaction state machine
 * (one DDL per transaction, no DDL with DML, aborted transactions, savepoints, the age limit), the
 * statement's own refusal from the rule book, the rewrites DSQL's own statements need (async index
 * and validation jobs, no-op statements), the catalog checks ({@code FOR UPDATE} on the whole key),
 * and optimistic concurrency (guarded writes, doomed and forced-to-fail commits).
 */
final class DsqlSessionGate implements StatementGate {
    private static final String SAVEPOINT = "dsql_local_occ";

    private final DsqlSessionGates shared;
    private final ClusterRoute route;
    private final TransactionTracker tracker;
    private final ServerError conflict;
    private final ServerError schemaConflict;
    private final Map<String, Prepared> prepared = new HashMap<>();
    /** Inside an explicit transaction block, as far as the statements sent so far tell. */
    private boolean inBlock;
    /** The transaction lost to one that committed first: COMMIT must fail. */
    private boolean doomed;
    /** Guarded statements met conflicts: COMMIT fails unless this wins them first ({@code null}: none). */
    private ConflictRecovery conflictRecovery;
    /** Commits of this session that must fail with OC000 (SET dsql.local_fail_next_commits = n). */
    private int sessionForcedConflicts;
    /** The cluster's catalog version when the current explicit transaction began, or -1 outside one. */
    private long blockCatalogVersion = -1;
    /** DDL has run in the current transaction: when it commits, other sessions' transactions go stale. */
    private boolean ddlPending;

    DsqlSessionGate(DsqlSessionGates shared, ClusterRoute route, Clock clock, Duration maxTransactionAge) {
        this.shared = shared;
        this.route = route;
        this.tracker = new TransactionTracker(clock, maxTransactionAge);
        this.conflict = error(shared.rules().rule(RuleIds.OCC_DATA_CONFLICT).refuse());
        this.schemaConflict = error(shared.rules().rule(RuleIds.OCC_SCHEMA_CONFLICT).refuse());
    }

    /** A statement with what the gate learned of it. */
    private record Analysed(String sql, Classification classification, SnapshotAnswer conflictAnswer) {
        TransactionCommand command() {
            return classification.transactionCommand();
        }

        boolean writes() {
            return classification.kind() == StatementKind.DML || classification.locksRows();
        }
    }

    /** A prepared statement: what it is, what runs in its place, how its result is presented. */
    private record Prepared(Analysed statement, String forwarded, Result result, boolean submitsJobs) {
    }

    /** What to forward for one statement that passed the transaction rules. */
    private record Rewrite(String sql, Result result, boolean submitsJobs, boolean refused) {
    }

    /** The session-level switch tests use to make this session's next commits fail (DSQL Local only). */
    static final String FAIL_NEXT_COMMITS = "dsql.local_fail_next_commits";

    private Analysed analyse(SqlStatements.StatementText text) {
        noteFailNextCommits(text.tokens());
        String sql = withoutTrailingSemicolon(text);
        Classification classification = shared.classifier().classify(text);
        SnapshotAnswer answer = classification.kind() == StatementKind.DML || classification.locksRows()
                ? SnapshotAnswer.of(sql).orElse(null) : null;
        return new Analysed(sql, classification, answer);
    }

    private static String withoutTrailingSemicolon(SqlStatements.StatementText text) {
        List<Token> tokens = text.tokens();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isPunctuation(";")) {
            return text.sql().substring(0, tokens.get(tokens.size() - 1).start() - text.start()).strip();
        }
        return text.sql().strip();
    }

    /**
     * The statement's own rules, independent of the transaction: its refusal, DSQL's rewrites and
     * the catalog checks.
     */
    private Rewrite rewrite(Analysed statement) {
        Classification c = statement.classification();
        if (c.refusal() != null) {
            return refusal(c.refusal());
        }
        if (c.asyncIndex() != null) {
            return new Rewrite(submitIndexBuild(c.asyncIndex()), new Result.Tag("CREATE INDEX"), true, false);
        }
        if (c.asyncValidate() != null) {
            return new Rewrite(submitValidation(c.asyncValidate()), new Result.Tag("ALTER TABLE"), true, false);
        }
        if (c.noOp() && !missingTable(c)) {
            return new Rewrite(RaiseStatement.noOp(), new Result.Tag(noOpTag(statement.sql())), false, false);
        }
        if (c.rowLock() != null) {
            RowLock lock = c.rowLock();
            List<String> key = shared.primaryKey(route.database(), lock.tableSchema(), lock.tableName());
            if (key != null && !lock.coversKey(key)) {
                return refusal(shared.rules().rule(RuleIds.LOCKING_KEY_EQUALITY).refuse());
            }
        }
        if (c.alterTable() != null && !c.alterTable().droppedColumns().isEmpty()) {
            // DSQL-FACTS §9: a primary-key column cannot be dropped; only the catalog knows the key.
            List<String> key = shared.primaryKey(route.database(), c.alterTable().schema(), c.alterTable().table());
            for (String column : c.alterTable().droppedColumns()) {
                if (key != null && key.contains(column)) {
                    return refusal(shared.rules().rule(RuleIds.DROP_PRIMARY_KEY_COLUMN).refuse(column));
                }
            }
        }
        if (c.alterTable() != null) {
            // DSQL-FACTS §12: the index exists, INVALID, while its async build runs.
            for (String index : c.alterTable().adoptedIndexes()) {
                if (shared.indexBuildPending(route.database(), index)) {
                    return refusal(shared.rules().rule(RuleIds.INDEX_NOT_VALID).refuse(index));
                }
            }
        }
        if (!c.droppedIndexes().isEmpty()) {
            shared.awaitIndexBuilds(route.database(), c.droppedIndexes());
        }
        if (c.kind() == StatementKind.DDL) {
            shared.catalogChanged(route.database());
        }
        return new Rewrite(statement.sql(), null, false, false);
    }

    /**
     * An ALTER TABLE answered without running (ENABLE/DISABLE TRIGGER ALL) names no table the
     * catalog knows: PostgreSQL then answers it (42P01, or a notice with IF EXISTS) as DSQL would.
     */
    private boolean missingTable(Classification c) {
        return c.alterTable() != null
                && shared.primaryKey(route.database(), c.alterTable().schema(), c.alterTable().table()) == null;
    }

    private static Rewrite refusal(Refusal refusal) {
        return new Rewrite(RaiseStatement.of(error(refusal)), null, false, true);
    }

    private static ServerError error(Refusal refusal) {
        return ServerError.error(refusal.sqlState(), refusal.message());
    }

    /** DSQL answers a no-op with the statement's own tag, e.g. {@code DROP TRIGGER}. */
    private static String noOpTag(String sql) {
        List<Token> tokens = io.dsqlkit.local.internal.sql.SqlLexer.tokenize(sql);
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < Math.min(2, tokens.size()); i++) {
            tag.append(i == 0 ? "" : " ").append(tokens.get(i).value().toUpperCase(java.util.Locale.ROOT));
        }
        return tag.toString();
    }

    /**
     * {@code CREATE INDEX ASYNC} becomes a call that records the job in the client's transaction and
     * returns its id as the one-row result DSQL gives; the build itself (CONCURRENTLY, so a failed
     * UNIQUE build leaves an INVALID index as on DSQL) starts when that transaction commits. The
     * definition is checked first: the function in FROM runs before the select list.
     */
    private static String submitIndexBuild(AsyncIndex index) {
        return "SELECT dsql_local.submit_index_build(" + literal(qualified(index.tableSchema(), index.tableName())) + ", "
                + (index.indexName() == null ? "NULL" : literal(index.indexName())) + ", " + literal(index.postgresSql())
                + ", pg_catalog.current_setting('search_path')) AS job_id"
                + " FROM dsql_local.check_index_definition(" + literal(index.validationSql())
                + ", pg_catalog.current_setting('search_path')) AS checked";
    }

    private static String submitValidation(AsyncValidate validate) {
        return "SELECT dsql_local.submit_constraint_validation(" + literal(qualified(validate.schema(), validate.table()))
                + ", " + literal(validate.constraint()) + ", " + literal(validate.postgresSql())
                + ", pg_catalog.current_setting('search_path')) AS job_id";
    }

    private static String qualified(String schema, String name) {
        return schema == null ? identifier(name) : identifier(schema) + "." + identifier(name);
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    // ------------------------------------------------------------------ simple protocol

    @Override
    public QueryPlan planQuery(String sql) {
        List<SqlStatements.StatementText> texts = SqlStatements.split(sql);
        if (texts.isEmpty()) {
            return QueryPlan.unchanged(sql);
        }
        boolean implicit = texts.size() > 1;
        boolean block = inBlock;
        List<String> out = new ArrayList<>();
        List<Result> overrides = new ArrayList<>();
        int guarded = -1;
        SnapshotAnswer answer = null;
        boolean changed = false;
        boolean jobs = false;
        boolean ddlInBlock = false;
        for (int i = 0; i < texts.size(); i++) {
            Analysed statement = analyse(texts.get(i));
            boolean last = i == texts.size() - 1;
            Decision decision = tracker.beforeStatement(statement.classification().kind(), statement.command(), implicit);
            if (decision.refused()) {
                if (decision.endsTransaction()) {
                    out.add("ROLLBACK");
                    overrides.add(new Result.Fail(ServerError.error(decision.sqlState(), decision.message())));
                    block = false;
                } else {
                    out.add(RaiseStatement.of(ServerError.error(decision.sqlState(), decision.message())));
                    overrides.add(null);
                    tracker.afterError();
                }
                changed = true;
                continue;
            }
            if (decision.skipped()) {
                out.add(statement.sql());
                overrides.add(null);
                continue;
            }
            ServerError stale = staleCatalog(block, statement.command());
            if (stale != null && statement.command() == TransactionCommand.COMMIT) {
                out.add("ROLLBACK");
                overrides.add(new Result.Fail(stale));
                changed = true;
                block = advance(block, statement);
                continue;
            }
            if (stale != null) {
                out.add(RaiseStatement.of(stale));
                overrides.add(null);
                tracker.afterError();
                changed = true;
                continue;
            }
            if (statement.command() == TransactionCommand.COMMIT && block && commitMustFail(i == 0)) {
                out.add("ROLLBACK");
                overrides.add(new Result.Fail(conflict));
                changed = true;
                block = advance(block, statement);
                continue;
            }
            Rewrite rewrite = rewrite(statement);
            if (rewrite.refused()) {
                tracker.afterError();
            }
            if (!block && !rewrite.refused() && statement.writes() && !implicit
                    && takeForcedConflict()) {
                out.add(RaiseStatement.of(conflict));
                overrides.add(null);
                changed = true;
                continue;
            }
            if (block && last && !rewrite.refused() && statement.conflictAnswer() != null) {
                // Only the last statement can be answered from its snapshot: after a conflict the
                // backend skips the rest of the string.
                out.add("SAVEPOINT " + SAVEPOINT);
                overrides.add(Result.SWALLOW);
                guarded = out.size();
                answer = statement.conflictAnswer();
                out.add(statement.sql());
                overrides.add(null);
                out.add("RELEASE SAVEPOINT " + SAVEPOINT);
                overrides.add(Result.SWALLOW);
                changed = true;
                continue;
            }
            out.add(rewrite.sql());
            overrides.add(rewrite.result());
            changed |= !rewrite.sql().equals(statement.sql()) || rewrite.result() != null;
            jobs |= rewrite.submitsJobs();
            // Async jobs and no-ops take no lock a writer would hold: only DDL PostgreSQL runs as written.
            ddlInBlock |= block && !rewrite.refused() && rewrite.result() == null
                    && statement.classification().kind() == StatementKind.DDL;
            block = rewrite.refused() ? block : advance(block, statement);
        }
        if (!changed) {
            return ddlInBlock ? new QueryPlan(sql, List.of(), false, -1, null, true) : QueryPlan.unchanged(sql);
        }
        return new QueryPlan(String.join(";\n", out), overrides, jobs, guarded, answer, ddlInBlock);
    }

    private static boolean nextBlockState(boolean block, TransactionCommand command) {
        return switch (command) {
            case BEGIN -> true;
            case COMMIT, ROLLBACK -> false;
            default -> block;
        };
    }

    /**
     * DSQL-FACTS §5: a transaction that began before another session's DDL committed has a stale
     * catalog; its next statement fails with OC001 (a COMMIT rolls back with it). ROLLBACK is fine.
     */
    private ServerError staleCatalog(boolean block, TransactionCommand command) {
        if (!block || command == TransactionCommand.ROLLBACK || blockCatalogVersion < 0) {
            return null;
        }
        return shared.catalogVersion(route.clusterId()) != blockCatalogVersion ? schemaConflict : null;
    }

    /** Moves the block state past a statement, noting the catalog version when a block begins. */
    private boolean advance(boolean block, Analysed statement) {
        boolean next = nextBlockState(block, statement.command());
        if (!block && next) {
            blockCatalogVersion = shared.catalogVersion(route.clusterId());
        } else if (!next) {
            blockCatalogVersion = -1;
        }
        if (statement.classification().kind() == StatementKind.DDL) {
            ddlPending = true;
        } else if (statement.command() == TransactionCommand.ROLLBACK) {
            ddlPending = false;
        }
        return next;
    }

    /**
     * A COMMIT fails when the transaction lost to another, when it met conflicts it cannot win by
     * committing first, or when a test forced it to. Conflicts are won only by a COMMIT that
     * {@code startsMessage}: the writes run again before it, and earlier statements of the same
     * message would not yet have reached the backend.
     */
    private boolean commitMustFail(boolean startsMessage) {
        if (doomed) {
            return true;
        }
        if (conflictRecovery != null) {
            ConflictRecovery recovery = conflictRecovery;
            conflictRecovery = null;
            if (!startsMessage || !recovery.commitFirst()) {
                doomed = true;
                return true;
            }
        }
        return takeForcedConflict();
    }

    /** One forced conflict: this session's own first, then the cluster's. */
    private boolean takeForcedConflict() {
        if (sessionForcedConflicts > 0) {
            sessionForcedConflicts--;
            return true;
        }
        return shared.takeForcedConflict(route.clusterId());
    }

    /**
     * {@code SET [SESSION] dsql.local_fail_next_commits = n} (or {@code TO n}): PostgreSQL keeps it
     * as a placeholder setting; the gate counts it down as this session's commits fail with OC000.
     */
    private void noteFailNextCommits(List<Token> tokens) {
        int i = 0;
        if (tokens.size() < 5 || !tokens.get(i++).isKeyword("set")) {
            return;
        }
        if (tokens.get(i).isKeyword("session")) {
            i++;
        }
        if (i + 4 > tokens.size() || !tokens.get(i).isKeyword("dsql") || !tokens.get(i + 1).isPunctuation(".")
                || !tokens.get(i + 2).isKeyword("local_fail_next_commits")) {
            return;
        }
        Token assign = tokens.get(i + 3);
        if ((assign.isOperator("=") || assign.isKeyword("to")) && i + 4 < tokens.size()) {
            try {
                sessionForcedConflicts = Math.max(0, Integer.parseInt(tokens.get(i + 4).value()));
            } catch (NumberFormatException e) {
                // not a number: PostgreSQL stores the text, nothing is forced
            }
        }
    }

    // ------------------------------------------------------------------ extended protocol

    @Override
    public ParsePlan planParse(String statementName, String sql) {
        List<SqlStatements.StatementText> texts = SqlStatements.split(sql);
        if (texts.size() != 1) {
            // Several statements in one Parse: PostgreSQL refuses it itself.
            prepared.remove(statementName);
            return new ParsePlan(sql);
        }
        Analysed statement = analyse(texts.get(0));
        Rewrite rewrite = rewrite(statement);
        prepared.put(statementName, new Prepared(statement, rewrite.sql(), rewrite.result(), rewrite.submitsJobs()));
        return new ParsePlan(rewrite.refused() || rewrite.result() != null ? rewrite.sql() : sql);
    }

    @Override
    public Substitution beforeExecute(String statementName) {
        Prepared p = prepared.get(statementName);
        if (p == null) {
            return null;
        }
        Analysed statement = p.statement();
        // Outside an explicit block, the statements up to Sync run in one implicit transaction, as
        // a multi-statement simple query does.
        Decision decision = tracker.beforeStatement(statement.classification().kind(), statement.command(), !inBlock);
        if (decision.refused()) {
            ServerError error = ServerError.error(decision.sqlState(), decision.message());
            if (decision.endsTransaction()) {
                inBlock = false;
                return new Substitution("ROLLBACK", new Result.Fail(error));
            }
            tracker.afterError();
            return Substitution.refusal(error);
        }
        boolean block = inBlock;
        if (decision.skipped()) {
            return null;
        }
        ServerError stale = staleCatalog(block, statement.command());
        if (stale != null) {
            if (statement.command() == TransactionCommand.COMMIT) {
                inBlock = advance(block, statement);
                return new Substitution("ROLLBACK", new Result.Fail(stale));
            }
            tracker.afterError();
            return Substitution.refusal(stale);
        }
        inBlock = advance(block, statement);
        if (statement.command() == TransactionCommand.COMMIT && block && commitMustFail(true)) {
            return new Substitution("ROLLBACK", new Result.Fail(conflict));
        }
        if (!block && statement.writes() && takeForcedConflict()) {
            return Substitution.refusal(conflict);
        }
        if (p.forwarded().startsWith("DO ") && p.result() == null) {
            // A refusal prepared at Parse: raising aborts the transaction like any failure.
            tracker.afterError();
        }
        return null;
    }

    @Override
    public Result resultFor(String statementName) {
        Prepared p = prepared.get(statementName);
        return p == null ? null : p.result();
    }

    @Override
    public boolean submitsJobs(String statementName) {
        Prepared p = prepared.get(statementName);
        return p != null && p.submitsJobs();
    }

    @Override
    public boolean ddlInBlock(String statementName) {
        Prepared p = prepared.get(statementName);
        // beforeExecute has already moved inBlock past this statement; DDL does not change it.
        return p != null && inBlock && p.result() == null && !p.forwarded().startsWith("DO ")
                && p.statement().classification().kind() == StatementKind.DDL;
    }

    @Override
    public SnapshotAnswer conflictAnswer(String statementName) {
        Prepared p = prepared.get(statementName);
        // beforeExecute has already moved inBlock past this statement; a write does not change it.
        return p != null && inBlock && p.result() == null && !p.forwarded().startsWith("DO ")
                ? p.statement().conflictAnswer() : null;
    }

    // ------------------------------------------------------------------ outcomes

    @Override
    public void doomTransaction() {
        doomed = true;
    }

    @Override
    public void conflictDeferred(ConflictRecovery recovery) {
        conflictRecovery = recovery;
    }

    @Override
    public void onError() {
        tracker.afterError();
    }

    @Override
    public void onReadyForQuery(char status) {
        tracker.onReadyForQuery(status);
        inBlock = status != 'I';
        if (status == 'I') {
            if (ddlPending && !doomed) {
                shared.catalogCommitted(route.clusterId());
            }
            doomed = false;
            conflictRecovery = null;
            ddlPending = false;
            blockCatalogVersion = -1;
        } else if (status == 'E') {
            // A failed block commits nothing, its DDL included.
            ddlPending = false;
        }
    }
}
