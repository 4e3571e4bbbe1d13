package io.dsqlkit.local.internal.session;

import io.dsqlkit.local.internal.occ.SnapshotAnswer;
import io.dsqlkit.local.internal.server.ClusterRoute;
import io.dsqlkit.local.internal.server.StatementGate;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;
import io.dsqlkit.local.internal.sql.SqlStatements;
import io.dsqlkit.local.internal.wire.ServerError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's view of DSQL's rules. Knows whether the session is inside an explicit transaction
 * (from the statements it let through, resynchronised at every ReadyForQuery), whether that
 * transaction is doomed by a conflict, and what each prepared statement is.
 */
final class DsqlSessionGate implements StatementGate {
    /** DSQL-FACTS §6. */
    static final ServerError CONFLICT = ServerError.error("40001", "change conflicts with another transaction (OC000)");
    private static final String SAVEPOINT = "dsql_local_occ";

    private final DsqlSessionGates shared;
    private final ClusterRoute route;
    private final Map<String, Statement> prepared = new HashMap<>();
    /** Inside an explicit transaction block, as far as the statements sent so far tell. */
    private boolean inBlock;
    /** A guarded statement met a conflict: COMMIT must fail. */
    private boolean doomed;

    DsqlSessionGate(DsqlSessionGates shared, ClusterRoute route) {
        this.shared = shared;
        this.route = route;
    }

    /** What the gate needs to know of one statement. */
    private record Statement(String sql, Command command, boolean write, SnapshotAnswer conflictAnswer) {
        static Statement of(SqlStatements.StatementText text) {
            String sql = withoutTrailingSemicolon(text);
            Command command = Command.of(text.tokens());
            SnapshotAnswer answer = SnapshotAnswer.of(sql).orElse(null);
            boolean write = answer != null || command == Command.WRITE;
            return new Statement(sql, command, write, answer);
        }
    }

    private enum Command {
        BEGIN, COMMIT, ROLLBACK, WRITE, OTHER;

        static Command of(List<Token> tokens) {
            if (tokens.isEmpty()) {
                return OTHER;
            }
            Token first = tokens.get(0);
            if (first.isKeyword("begin") || first.isKeyword("start")) {
                return BEGIN;
            }
            if (first.isKeyword("commit") || first.isKeyword("end")) {
                return tokens.size() > 1 && tokens.get(1).isKeyword("prepared") ? OTHER : COMMIT;
            }
            if (first.isKeyword("rollback") || first.isKeyword("abort")) {
                return tokens.stream().anyMatch(t -> t.isKeyword("to")) ? OTHER : ROLLBACK;
            }
            if (first.isKeyword("insert") || first.isKeyword("update") || first.isKeyword("delete")
                    || first.isKeyword("merge") || first.isKeyword("copy")) {
                return WRITE;
            }
            return OTHER;
        }
    }

    private static String withoutTrailingSemicolon(SqlStatements.StatementText text) {
        String sql = text.sql().strip();
        List<Token> tokens = text.tokens();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isPunctuation(";")) {
            Token last = tokens.get(tokens.size() - 1);
            sql = text.sql().substring(0, last.start() - text.start()).strip();
        }
        return sql;
    }

    // ------------------------------------------------------------------ simple protocol

    @Override
    public QueryPlan planQuery(String sql) {
        List<SqlStatements.StatementText> texts = SqlStatements.split(sql);
        if (texts.isEmpty()) {
            return QueryPlan.unchanged(sql);
        }
        List<Statement> statements = texts.stream().map(Statement::of).toList();
        boolean block = inBlock;
        List<String> out = new ArrayList<>();
        List<Result> overrides = new ArrayList<>();
        int guarded = -1;
        SnapshotAnswer answer = null;
        boolean changed = false;
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            if (statement.command() == Command.COMMIT && block && commitMustFail()) {
                out.add("ROLLBACK");
                overrides.add(new Result.Fail(CONFLICT));
                changed = true;
                block = false;
                continue;
            }
            if (!block && statement.write() && statements.size() == 1 && shared.takeForcedConflict(route.clusterId())) {
                out.add(io.dsqlkit.local.internal.server.RaiseStatement.of(CONFLICT));
                overrides.add(null);
                changed = true;
                continue;
            }
            if (block && last && statement.conflictAnswer() != null) {
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
            out.add(statement.sql());
            overrides.add(null);
            block = nextBlockState(block, statement.command());
        }
        if (!changed) {
            return QueryPlan.unchanged(sql);
        }
        return new QueryPlan(String.join("; ", out), overrides, false, false, guarded, answer);
    }

    private static boolean nextBlockState(boolean block, Command command) {
        return switch (command) {
            case BEGIN -> true;
            case COMMIT, ROLLBACK -> false;
            default -> block;
        };
    }

    /** A COMMIT fails when a conflict doomed the transaction, or when a test forced it to. */
    private boolean commitMustFail() {
        return doomed || shared.takeForcedConflict(route.clusterId());
    }

    // ------------------------------------------------------------------ extended protocol

    @Override
    public ParsePlan planParse(String statementName, String sql) {
        List<SqlStatements.StatementText> texts = SqlStatements.split(sql);
        Statement statement = texts.size() == 1 ? Statement.of(texts.get(0))
                : new Statement(sql, Command.OTHER, false, null);
        prepared.put(statementName, statement);
        return new ParsePlan(sql, false);
    }

    @Override
    public Substitution beforeExecute(String statementName) {
        Statement statement = prepared.get(statementName);
        if (statement == null) {
            return null;
        }
        boolean block = inBlock;
        inBlock = nextBlockState(block, statement.command());
        if (statement.command() == Command.COMMIT && block && commitMustFail()) {
            return new Substitution("ROLLBACK", new Result.Fail(CONFLICT));
        }
        if (!block && statement.write() && shared.takeForcedConflict(route.clusterId())) {
            return Substitution.refusal(CONFLICT);
        }
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
    public SnapshotAnswer conflictAnswer(String statementName) {
        Statement statement = prepared.get(statementName);
        // beforeExecute has already moved inBlock past this statement; a write does not change it.
        return statement != null && inBlock ? statement.conflictAnswer() : null;
    }

    // ------------------------------------------------------------------ outcomes

    @Override
    public void doomTransaction() {
        doomed = true;
    }

    @Override
    public void onError() {
    }

    @Override
    public void onReadyForQuery(char status) {
        inBlock = status != 'I';
        if (status == 'I') {
            doomed = false;
        }
    }
}
