package io.dsqlkit.local.conformance;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.conformance.ProbeFile.Expected;
import io.dsqlkit.local.conformance.ProbeFile.Kind;
import io.dsqlkit.local.conformance.ProbeFile.Probe;
import io.dsqlkit.local.conformance.ProbeFile.Step;
import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.ServerError;
import io.dsqlkit.local.testing.WireClient;
import org.postgresql.PGProperty;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs conformance probes against DSQL Local. Every run gets a fresh cluster ({@link DsqlLocal#newCluster()}),
 * so probes never see each other's objects; sessions {@code a} and {@code b} are opened lazily as
 * {@code admin}. Two transports:
 *
 * <ul>
 *   <li>{@link Transport#RAW}: the hand-written {@link WireClient}. The strict one: it sees exact
 *   command tags, row descriptions and every result of a multi-statement string. A probe is run twice
 *   on it, once sending every step as a simple Query message and once (on a fresh cluster) sending the
 *   single-statement steps as Parse/Bind/Describe/Execute/Sync; both must pass.</li>
 *   <li>{@link Transport#PGJDBC}: pgjdbc with its defaults (extended protocol, default
 *   prepareThreshold, autocommit on, transaction statements sent as SQL). A session with a
 *   multi-statement step is opened with {@code preferQueryMode=simple}. What JDBC exposes is compared:
 *   SQLState and the server's message, result sets (column labels, {@code getString} values) and update
 *   counts. In a multi-statement string that fails, only the error is visible.</li>
 * </ul>
 *
 * Every step must answer within {@link #STEP_TIMEOUT}; one that does not is reported as BLOCKED and
 * its connection is aborted. A run stops at the first divergence.
 */
public final class ProbeRunner implements AutoCloseable {

    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern JOB_ID = Pattern.compile("[a-z2-7]{26}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");
    private static final Set<String> COUNTED_COMMANDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT",
            "MOVE", "FETCH", "COPY");

    /** The two ways of talking to DSQL Local. */
    public enum Transport {
        RAW("raw"), PGJDBC("pgjdbc");

        private final String id;

        Transport(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Protocol variant of one run. */
    public enum Mode {
        RAW_SIMPLE("raw/simple"), RAW_EXTENDED("raw/extended"), PGJDBC("pgjdbc");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a probe failed, for grouping in reports. */
    public enum Cause {
        REFUSAL_MISSING("expected an error, got success"),
        WRONG_SQLSTATE("expected error, other SQLSTATE"),
        MESSAGE_DIFFERS("same SQLSTATE, other message"),
        UNEXPECTED_ERROR("expected success, got an error"),
        TAG_DIFFERS("command tag differs"),
        COLUMNS_DIFFER("columns differ"),
        ROWS_DIFFER("rows differ"),
        RESULT_COUNT_DIFFERS("number of results differs"),
        BLOCKED("no answer within " + STEP_TIMEOUT.toSeconds() + " s"),
        SETUP_FAILED("setup statement failed"),
        TRANSPORT_ERROR("connection or protocol failure");

        private final String description;

        Cause(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The first divergence of one run. */
    public record Failure(Mode mode, Cause cause, Step step, int stepIndex, String expected, String actual) {
        @Override
        public String toString() {
            String where = step == null ? "setup" : "step " + (stepIndex + 1) + " (line " + step.line() + ") " + step.display();
            return "[" + mode.label() + "] " + cause.name() + " at " + where
                    + "\n      expected: " + expected
                    + "\n      actual:   " + actual;
        }

        /** One line, for a {@code pending} reason. */
        public String summary() {
            String text = cause.description() + ": expected " + expected + "; got " + actual;
            text = text.replaceAll("\\s+", " ");
            return text.length() > 220 ? text.substring(0, 217) + "..." : text;
        }
    }

    /** Result of one probe on one transport. */
    public record Outcome(Probe probe, Transport transport, List<Failure> failures, Duration elapsed) {
        public boolean passed() {
            return failures.isEmpty();
        }

        public Failure firstFailure() {
            return failures.isEmpty() ? null : failures.get(0);
        }
    }

    // ------------------------------------------------------------------------------------------------

    private final DsqlLocal dsql;
    private final ExecutorService executor;

    public ProbeRunner(DsqlLocal dsql) {
        this.dsql = dsql;
        preferUtcZoneId();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "probe-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * pgjdbc announces the JVM's default time zone in its startup packet, so {@code SHOW timezone}
     * answers with it. A JVM on UTC under another name ({@code Etc/UTC}, {@code GMT}) is switched to the
     * id {@code UTC}, which changes no clock but lets pgjdbc probes read DSQL's default; on a JVM in
     * another zone the time-zone probes fail on pgjdbc (run with {@code -Duser.timezone=UTC}).
     */
    static void preferUtcZoneId() {
        java.util.TimeZone current = java.util.TimeZone.getDefault();
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        if (!current.getID().equals("UTC") && current.hasSameRules(utc)) {
            java.util.TimeZone.setDefault(utc);
        }
    }

    /** Runs {@code probe} on {@code transport}, each protocol variant on a fresh cluster. */
    public Outcome run(Probe probe, Transport transport) {
        long start = System.nanoTime();
        List<Failure> failures = new ArrayList<>();
        if (transport == Transport.RAW) {
            runOnce(probe, Mode.RAW_SIMPLE, failures);
            if (probe.steps().stream().anyMatch(s -> !s.multi())) {
                runOnce(probe, Mode.RAW_EXTENDED, failures);
            }
        } else {
            runOnce(probe, Mode.PGJDBC, failures);
        }
        return new Outcome(probe, transport, List.copyOf(failures), Duration.ofNanos(System.nanoTime() - start));
    }

    private void runOnce(Probe probe, Mode mode, List<Failure> failures) {
        DsqlCluster cluster;
        try {
            cluster = dsql.newCluster();
        } catch (RuntimeException e) {
            failures.add(new Failure(mode, Cause.TRANSPORT_ERROR, null, -1, "a fresh cluster", "newCluster() failed: " + e));
            return;
        }
        Map<String, Session> sessions = new LinkedHashMap<>();
        try {
            Failure setupFailure = setup(cluster, probe, mode);
            if (setupFailure != null) {
                failures.add(setupFailure);
                return;
            }
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < probe.steps().size(); i++) {
                Step step = probe.steps().get(i);
                Failure failure = runStep(cluster, probe, mode, sessions, variables, step, i);
                if (failure != null) {
                    failures.add(failure);
                    return;
                }
            }
        } finally {
            for (Session s : sessions.values()) {
                closeQuietly(s);
            }
            try {
                cluster.close();
            } catch (RuntimeException ignored) {
                // a cluster that cannot be dropped is not the probe's fault
            }
        }
    }

    private Failure setup(DsqlCluster cluster, Probe probe, Mode mode) {
        if (probe.setup().isEmpty()) {
            return null;
        }
        try {
            return call(() -> {
                try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                    for (String sql : probe.setup()) {
                        try {
                            s.execute(sql);
                        } catch (SQLException e) {
                            return new Failure(mode, Cause.SETUP_FAILED, null, -1, "setup succeeds: " + oneLine(sql),
                                    jdbcError(e).toString());
                        }
                    }
                }
                return null;
            }, SETUP_TIMEOUT, () -> { });
        } catch (TimeoutException e) {
            return new Failure(mode, Cause.SETUP_FAILED, null, -1, "setup succeeds", "no answer within " + SETUP_TIMEOUT);
        } catch (Exception e) {
            return new Failure(mode, Cause.SETUP_FAILED, null, -1, "setup succeeds", e.toString());
        }
    }

    private Failure runStep(DsqlCluster cluster, Probe probe, Mode mode, Map<String, Session> sessions,
                            Map<String, String> variables, Step step, int index) {
        String sql;
        try {
            sql = substitute(step.sql(), variables);
        } catch (IllegalArgumentException e) {
            return new Failure(mode, Cause.TRANSPORT_ERROR, step, index, "a bound variable", e.getMessage());
        }
        Session session = sessions.get(step.session());
        if (session == null) {
            try {
                boolean simple = probe.hasMultiStatementStep(step.session());
                session = call(() -> open(cluster, mode, simple), SETUP_TIMEOUT, () -> { });
                sessions.put(step.session(), session);
            } catch (Exception e) {
                return new Failure(mode, Cause.TRANSPORT_ERROR, step, index, "session " + step.session() + " opens",
                        String.valueOf(e));
            }
        }
        List<Actual> actual;
        Session current = session;
        try {
            actual = call(() -> current.execute(sql, step.multi()), STEP_TIMEOUT, current::abort);
        } catch (TimeoutException e) {
            sessions.remove(step.session());
            closeQuietly(current);
            return new Failure(mode, Cause.BLOCKED, step, index, describe(step.expected()),
                    "BLOCKED: no answer within " + STEP_TIMEOUT.toSeconds() + " s");
        } catch (Exception e) {
            return new Failure(mode, Cause.TRANSPORT_ERROR, step, index, describe(step.expected()), String.valueOf(e));
        }
        Failure failure = mode == Mode.PGJDBC
                ? compareJdbc(mode, step, index, actual)
                : compareRaw(mode, step, index, actual);
        if (failure == null && step.capture() != null) {
            String value = null;
            for (Actual a : actual) {
                if (a instanceof OkResult ok && !ok.rows().isEmpty() && !ok.rows().get(0).isEmpty()) {
                    value = ok.rows().get(0).get(0);
                }
            }
            if (value == null) {
                return new Failure(mode, Cause.ROWS_DIFFER, step, index, "a value to capture as ${" + step.capture() + "}",
                        describeActual(actual));
            }
            variables.put(step.capture(), value);
        }
        return failure;
    }

    private static String substitute(String sql, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("${" + m.group(1) + "} is not bound (capture it in an earlier step)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private <T> T call(Callable<T> task, Duration timeout, Runnable onTimeout) throws Exception {
        Future<T> future = executor.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            onTimeout.run();
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private void closeQuietly(Session s) {
        try {
            call(() -> {
                s.close();
                return null;
            }, Duration.ofSeconds(5), s::abort);
        } catch (Exception ignored) {
            s.abort();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // comparison

    private Failure compareRaw(Mode mode, Step step, int index, List<Actual> actual) {
        List<Expected> expected = step.expected();
        List<Actual> matched = new ArrayList<>();
        List<Expected> against = new ArrayList<>();
        int j = 0;
        for (Expected e : expected) {
            if (e.kind() == Kind.ANY_OK_RESULTS) {
                while (j < actual.size() && actual.get(j) instanceof OkResult) {
                    j++;
                }
                continue;
            }
            if (j >= actual.size()) {
                return new Failure(mode, Cause.RESULT_COUNT_DIFFERS, step, index, describe(expected), describeActual(actual));
            }
            against.add(e);
            matched.add(actual.get(j++));
        }
        for (int k = 0; k < against.size(); k++) {
            Failure f = compareOne(mode, step, index, against.get(k), matched.get(k), false, expected, actual);
            if (f != null) {
                return f;
            }
        }
        if (j != actual.size()) {
            return new Failure(mode, Cause.RESULT_COUNT_DIFFERS, step, index, describe(expected), describeActual(actual));
        }
        return null;
    }

    private Failure compareJdbc(Mode mode, Step step, int index, List<Actual> actual) {
        List<Expected> expected = new ArrayList<>();
        for (Expected e : step.expected()) {
            if (e.kind() == Kind.ERROR) {
                // pgjdbc throws the first error of a query string; results before it are not visible
                expected = new ArrayList<>(List.of(e));
                break;
            }
            if (e.kind() == Kind.OK) {
                expected.add(e);
            }
        }
        if (expected.size() != actual.size()) {
            // an error answer is compared on its own merits even if the count differs
            if (actual.size() == 1 && actual.get(0) instanceof ErrorResult && !expected.isEmpty()) {
                Expected firstError = expected.stream().filter(e -> e.kind() == Kind.ERROR).findFirst().orElse(expected.get(0));
                return compareOne(mode, step, index, firstError, actual.get(0), true, expected, actual);
            }
            return new Failure(mode, Cause.RESULT_COUNT_DIFFERS, step, index, describe(expected), describeActual(actual));
        }
        for (int k = 0; k < expected.size(); k++) {
            Failure f = compareOne(mode, step, index, expected.get(k), actual.get(k), true, expected, actual);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private Failure compareOne(Mode mode, Step step, int index, Expected e, Actual a, boolean jdbc,
                               List<Expected> all, List<Actual> allActual) {
        String expectedText = all.size() == 1 ? e.toString() : e + "  (of " + describe(all) + ")";
        String actualText = allActual.size() == 1 ? a.toString() : a + "  (of " + describeActual(allActual) + ")";
        if (e.kind() == Kind.ERROR) {
            if (!(a instanceof ErrorResult err)) {
                return new Failure(mode, Cause.REFUSAL_MISSING, step, index, expectedText, actualText);
            }
            if (!e.sqlState().equals(err.sqlState())) {
                return new Failure(mode, Cause.WRONG_SQLSTATE, step, index, expectedText, actualText);
            }
            String message = err.message() == null ? "" : err.message();
            boolean same = switch (e.match()) {
                case EXACT -> message.equals(e.message());
                case PREFIX -> message.startsWith(e.message());
                case CONTAINS -> message.contains(e.message());
            };
            return same ? null : new Failure(mode, Cause.MESSAGE_DIFFERS, step, index, expectedText, actualText);
        }
        if (!(a instanceof OkResult ok)) {
            return new Failure(mode, Cause.UNEXPECTED_ERROR, step, index, expectedText, actualText);
        }
        if (!jdbc && !tagMatches(e.tag(), ok.tag())) {
            return new Failure(mode, Cause.TAG_DIFFERS, step, index, expectedText, actualText);
        }
        if (e.rowDescription() != (ok.columns() != null)) {
            return new Failure(mode, e.rowDescription() ? Cause.COLUMNS_DIFFER : Cause.TAG_DIFFERS, step, index,
                    expectedText + (e.rowDescription() ? " (a result set)" : " (no result set)"), actualText);
        }
        if (e.columns() != null && !e.columns().equals(ok.columns())) {
            return new Failure(mode, Cause.COLUMNS_DIFFER, step, index, expectedText, actualText);
        }
        if (e.rows() != null && !rowsMatch(e.rows(), ok.rows(), e.unordered())) {
            return new Failure(mode, Cause.ROWS_DIFFER, step, index, expectedText, actualText);
        }
        if (jdbc) {
            Long count = tagCount(e.tag());
            if (e.rowDescription()) {
                String command = e.tag().split(" ")[0];
                if (e.rows() == null && count != null && COUNTED_COMMANDS.contains(command) && ok.rows().size() != count) {
                    return new Failure(mode, Cause.ROWS_DIFFER, step, index, expectedText + " (" + count + " rows)", actualText);
                }
            } else if (!e.tag().endsWith(ProbeFile.ANY_COUNT)) {
                long expectedCount = count == null ? 0 : count;
                if (ok.updateCount() != expectedCount) {
                    return new Failure(mode, Cause.TAG_DIFFERS, step, index,
                            expectedText + " (update count " + expectedCount + ")", actualText);
                }
            }
        }
        return null;
    }

    private static boolean tagMatches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        if (!expected.endsWith(ProbeFile.ANY_COUNT)) {
            return expected.equals(actual);
        }
        String prefix = expected.substring(0, expected.length() - ProbeFile.ANY_COUNT.length());
        return actual.startsWith(prefix) && actual.length() > prefix.length()
                && actual.substring(prefix.length()).chars().allMatch(Character::isDigit);
    }

    /** The count a command tag carries (last word), for the commands that have one. */
    private static Long tagCount(String tag) {
        String[] words = tag.split(" ");
        if (words.length < 2 || !COUNTED_COMMANDS.contains(words[0])) {
            return null;
        }
        try {
            return Long.parseLong(words[words.length - 1]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean rowsMatch(List<List<String>> expected, List<List<String>> actual, boolean unordered) {
        if (expected.size() != actual.size()) {
            return false;
        }
        if (!unordered) {
            for (int i = 0; i < expected.size(); i++) {
                if (!rowMatches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        List<List<String>> remaining = new ArrayList<>(actual);
        for (List<String> row : expected) {
            boolean found = false;
            for (int i = 0; i < remaining.size(); i++) {
                if (rowMatches(row, remaining.get(i))) {
                    remaining.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean rowMatches(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            if (ProbeFile.ANY_VALUE.equals(e)) {
                continue;
            }
            if (ProbeFile.ANY_JOB_ID.equals(e)) {
                if (a == null || !JOB_ID.matcher(a).matches()) {
                    return false;
                }
                continue;
            }
            if (e == null ? a != null : !e.equals(a)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Expected> expected) {
        if (expected.size() == 1) {
            return expected.get(0).toString();
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < expected.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(expected.get(i));
        }
        return b.append(']').toString();
    }

    private static String describeActual(List<Actual> actual) {
        if (actual.size() == 1) {
            return actual.get(0).toString();
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < actual.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(actual.get(i));
        }
        return b.append(']').toString();
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    // ------------------------------------------------------------------------------------------------
    // what came back

    /** One result of a query string. */
    sealed interface Actual permits OkResult, ErrorResult {
    }

    /**
     * A successful result.
     *
     * @param tag         command tag (raw transport), {@code null} with pgjdbc
     * @param columns     column names, {@code null} if there was no row description
     * @param updateCount pgjdbc's update count for a result without rows, else -1
     */
    record OkResult(String tag, List<String> columns, List<List<String>> rows, long updateCount) implements Actual {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("ok ");
            b.append(tag != null ? tag : columns != null ? "(result set)" : "(update count " + updateCount + ")");
            if (columns != null) {
                b.append(" columns=").append(columns).append(" rows=").append(ProbeFile.render(rows));
            }
            return b.toString();
        }
    }

    record ErrorResult(String sqlState, String message) implements Actual {
        @Override
        public String toString() {
            return "error " + sqlState + " " + message;
        }
    }

    private static ErrorResult jdbcError(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null) {
                return new ErrorResult(server.getSQLState(), server.getMessage());
            }
        }
        return new ErrorResult(e.getSQLState(), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------
    // sessions

    private interface Session {
        List<Actual> execute(String sql, boolean multi) throws Exception;

        /** Cuts the connection at once (a blocked step). */
        void abort();

        /** Ends the session politely. */
        void close() throws Exception;
    }

    private Session open(DsqlCluster cluster, Mode mode, boolean simple) throws Exception {
        return switch (mode) {
            case PGJDBC -> new JdbcSession(cluster, simple);
            case RAW_SIMPLE -> new RawSession(dsql, cluster, false);
            case RAW_EXTENDED -> new RawSession(dsql, cluster, true);
        };
    }

    private final class JdbcSession implements Session {
        private final Connection connection;

        JdbcSession(DsqlCluster cluster, boolean simple) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", DsqlLocal.ADMIN_USER);
            props.setProperty("password", cluster.token(DsqlLocal.ADMIN_USER));
            if (simple) {
                PGProperty.PREFER_QUERY_MODE.set(props, "simple");
            }
            connection = DriverManager.getConnection(cluster.jdbcUrl(), props);
        }

        @Override
        public List<Actual> execute(String sql, boolean multi) {
            List<Actual> out = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                boolean isResultSet = statement.execute(sql);
                while (true) {
                    if (isResultSet) {
                        try (ResultSet rs = statement.getResultSet()) {
                            ResultSetMetaData meta = rs.getMetaData();
                            List<String> columns = new ArrayList<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                columns.add(meta.getColumnLabel(i));
                            }
                            List<List<String>> rows = new ArrayList<>();
                            while (rs.next()) {
                                List<String> row = new ArrayList<>();
                                for (int i = 1; i <= columns.size(); i++) {
                                    row.add(rs.getString(i));
                                }
                                rows.add(row);
                            }
                            out.add(new OkResult(null, columns, rows, -1));
                        }
                    } else {
                        long count = statement.getLargeUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        out.add(new OkResult(null, null, List.of(), count));
                    }
                    isResultSet = statement.getMoreResults();
                }
                return out;
            } catch (SQLException e) {
                return List.of(jdbcError(e));
            }
        }

        @Override
        public void abort() {
            try {
                connection.abort(executor);
            } catch (SQLException | RuntimeException ignored) {
                // already gone
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static final class RawSession implements Session {
        private final WireClient client;
        private final boolean extended;

        RawSession(DsqlLocal dsql, DsqlCluster cluster, boolean extended) throws IOException {
            this.extended = extended;
            WireClient c = WireClient.connect(cluster.host(), cluster.port());
            try {
                if (dsql.tlsEnabled()) {
                    c.startTls(dsql.clientSslContext(), "localhost");
                }
                List<Frame> login = c.login(DsqlLocal.ADMIN_USER, cluster.token(DsqlLocal.ADMIN_USER));
                Frame last = login.get(login.size() - 1);
                if (last.typeChar() != 'Z') {
                    throw new IOException("login failed: " + (last.typeChar() == 'E' ? WireClient.error(last) : last));
                }
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            this.client = c;
        }

        @Override
        public List<Actual> execute(String sql, boolean multi) throws IOException {
            if (extended && !multi) {
                client.send(concat(
                        WireClient.message('P', concat(WireClient.cStrings("", sql), int16(0))),
                        WireClient.message('B', concat(WireClient.cStrings("", ""), int16(0), int16(0), int16(0))),
                        WireClient.message('D', concat(new byte[]{'P'}, WireClient.cStrings(""))),
                        WireClient.message('E', concat(WireClient.cStrings(""), ByteBuffer.allocate(4).putInt(0).array())),
                        WireClient.message('S', new byte[0])));
            } else {
                client.send(WireClient.message('Q', WireClient.cStrings(sql)));
            }
            return readResults();
        }

        private List<Actual> readResults() throws IOException {
            List<Actual> out = new ArrayList<>();
            List<String> columns = null;
            List<List<String>> rows = new ArrayList<>();
            while (true) {
                Frame f = client.read();
                switch (f.typeChar()) {
                    case 'T' -> {
                        columns = rowDescription(f);
                        rows = new ArrayList<>();
                    }
                    case 'n' -> {
                        columns = null;
                        rows = new ArrayList<>();
                    }
                    case 'D' -> rows.add(dataRow(f));
                    case 'C' -> {
                        out.add(new OkResult(f.cString(0), columns, List.copyOf(rows), -1));
                        columns = null;
                        rows = new ArrayList<>();
                    }
                    case 'I' -> {
                        out.add(new OkResult("", null, List.of(), -1));
                        columns = null;
                        rows = new ArrayList<>();
                    }
                    case 'E' -> {
                        ServerError e = ServerError.parse(f.payload());
                        out.add(new ErrorResult(e.sqlState(), e.message()));
                        columns = null;
                        rows = new ArrayList<>();
                    }
                    case 's' -> {
                        out.add(new OkResult("(portal suspended)", columns, List.copyOf(rows), -1));
                        columns = null;
                        rows = new ArrayList<>();
                    }
                    case 'Z' -> {
                        return out;
                    }
                    case '1', '2', '3', 'N', 'S', 'A', 't' -> {
                        // ParseComplete, BindComplete, CloseComplete, notices, parameter status, notifications
                    }
                    case 'G', 'H', 'W' -> throw new IOException("COPY is not supported by the probe runner");
                    default -> throw new IOException("unexpected message '" + f.typeChar() + "'");
                }
            }
        }

        private static List<String> rowDescription(Frame f) {
            int count = f.int16(0);
            List<String> names = new ArrayList<>(count);
            int pos = 2;
            for (int i = 0; i < count; i++) {
                names.add(f.cString(pos));
                pos = f.afterCString(pos) + 18;
            }
            return names;
        }

        private static List<String> dataRow(Frame f) {
            int count = f.int16(0);
            List<String> values = new ArrayList<>(count);
            int pos = 2;
            byte[] payload = f.payload();
            for (int i = 0; i < count; i++) {
                int length = f.int32(pos);
                pos += 4;
                if (length < 0) {
                    values.add(null);
                } else {
                    values.add(new String(payload, pos, length, StandardCharsets.UTF_8));
                    pos += length;
                }
            }
            return values;
        }

        private static byte[] int16(int value) {
            return new byte[]{(byte) (value >> 8), (byte) value};
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        @Override
        public void abort() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            try {
                client.send(WireClient.message('X', new byte[0]));
            } catch (IOException ignored) {
                // the server may have gone already
            }
            client.close();
        }
    }
}
