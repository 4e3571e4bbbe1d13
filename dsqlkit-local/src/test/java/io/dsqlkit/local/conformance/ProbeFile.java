package io.dsqlkit.local.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One {@code .probes} file: a group of conformance probes, each a small script of SQL steps with the
 * outcome a real Aurora DSQL cluster gave (or is documented to give). The format is line-oriented
 * and documented at the top of every probe file; in short:
 *
 * <pre>
 * probe NAME                 starts a probe (NAME: [a-z0-9_]+, unique across all files)
 * note TEXT                  free text (source, certainty); may repeat
 * pending REASON             a known failure: ConformanceIT skips it, ConformanceReport still runs it
 * pending-on raw|pgjdbc REASON   the same, for one transport only
 * setup SQL                  before the steps, on its own admin connection in autocommit; must succeed
 * a&gt; SQL  /  b&gt; SQL         a step: one statement on session a or b
 * a&gt;&gt; SQL /  b&gt;&gt; SQL        a step: a multi-statement string, sent as one simple Query
 * | TEXT                     continues the SQL of the setup/step line above (joined with a newline)
 * capture NAME               binds ${NAME} to row 1, column 1 of the step's last result with rows
 * ok TAG                     expected success with this command tag (last token may be any-count)
 * columns A | B              its column names
 * row V1 | V2                one expected row, text format (\N NULL, \| pipe, \\ backslash,
 *                            \s space, \t tab, \n newline; cells any-value and any-job-id match)
 * any-columns / any-rows     a row description is expected but names / rows are not compared
 * unordered                  rows compared as a multiset
 * error SQLSTATE MESSAGE     expected failure, exact message
 * error SQLSTATE message-prefix TEXT | message-contains TEXT   looser message matchers
 * ...                        (multi-statement steps, right before an error) any number of ok results
 * </pre>
 *
 * Malformed input fails with the file name and line number ({@link ProbeSyntaxException}).
 */
public record ProbeFile(String group, String source, List<Probe> probes) {

    /** Classpath folder holding the probe files. */
    public static final String RESOURCE_DIR = "io/dsqlkit/local/conformance";
    public static final String SUFFIX = ".probes";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern USE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");

    /** Placeholder cell: a 26-character lowercase base32 job id. */
    public static final String ANY_JOB_ID = "any-job-id";
    /** Placeholder cell: any value, NULL included. */
    public static final String ANY_VALUE = "any-value";
    /** Placeholder for the last token of a command tag. */
    public static final String ANY_COUNT = "any-count";

    /** A malformed probe file: the message starts with {@code file:line:}. */
    public static final class ProbeSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String source;
        private final int line;

        public ProbeSyntaxException(String source, int line, String message) {
            super(source + ":" + line + ": " + message);
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        public int line() {
            return line;
        }
    }

    /** How an expected error message is compared. */
    public enum MessageMatch { EXACT, PREFIX, CONTAINS }

    /** The kinds of expectation a step can carry. */
    public enum Kind { OK, ERROR, ANY_OK_RESULTS }

    /**
     * One expected result.
     *
     * @param tag             command tag for {@link Kind#OK}
     * @param rowDescription  whether the result must carry a row description (columns)
     * @param columns         expected column names, or {@code null} if not compared
     * @param rows            expected rows, or {@code null} if not compared; a {@code null} cell is SQL NULL
     */
    public record Expected(Kind kind, int line, String tag, boolean rowDescription, List<String> columns,
                           List<List<String>> rows, boolean unordered, String sqlState, MessageMatch match,
                           String message) {

        @Override
        public String toString() {
            return switch (kind) {
                case ANY_OK_RESULTS -> "...";
                case ERROR -> "error " + sqlState + (match == MessageMatch.EXACT ? " " : " " + match.name().toLowerCase(Locale.ROOT) + " ") + message;
                case OK -> {
                    StringBuilder b = new StringBuilder("ok ").append(tag);
                    if (rowDescription) {
                        b.append(columns == null ? " columns=*" : " columns=" + columns);
                        b.append(rows == null ? " rows=*" : " rows=" + render(rows));
                        if (unordered) {
                            b.append(" (unordered)");
                        }
                    }
                    yield b.toString();
                }
            };
        }
    }

    /**
     * One step: an SQL string sent on a session, with the results expected in order.
     *
     * @param session {@code a} or {@code b}
     * @param multi   a multi-statement string, sent as a single simple Query
     * @param capture variable bound to row 1, column 1 of the last result with rows, or {@code null}
     */
    public record Step(int line, String session, String sql, boolean multi, List<Expected> expected, String capture) {
        public String display() {
            String oneLine = sql.replaceAll("\\s+", " ");
            return session + (multi ? ">> " : "> ") + (oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine);
        }
    }

    /**
     * One probe.
     *
     * @param pending   reason it is known to fail on every transport, or {@code null}
     * @param pendingOn reasons it is known to fail on one transport (key {@code raw} or {@code pgjdbc})
     */
    public record Probe(String name, String group, String source, int line, List<String> notes, String pending,
                        Map<String, String> pendingOn, List<String> setup, List<Step> steps) {

        /** The reason this probe is pending on {@code transport} ({@code raw} / {@code pgjdbc}), or {@code null}. */
        public String pendingReason(String transport) {
            return pending != null ? pending : pendingOn.get(transport);
        }

        public boolean usesSession(String session) {
            return steps.stream().anyMatch(s -> s.session().equals(session));
        }

        public boolean hasMultiStatementStep(String session) {
            return steps.stream().anyMatch(s -> s.session().equals(session) && s.multi());
        }

        public String location() {
            return source + ":" + line;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // loading

    /** Every probe file on the classpath, sorted by name; probe names are checked to be unique. */
    public static List<ProbeFile> loadAll() {
        List<ProbeFile> files = new ArrayList<>();
        for (String resource : listResources()) {
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            try (InputStream in = ProbeFile.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("probe file vanished: " + resource);
                }
                files.add(parse(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        checkUniqueNames(files);
        return files;
    }

    /** Fails if a probe name occurs twice across {@code files}. */
    public static void checkUniqueNames(List<ProbeFile> files) {
        Map<String, Probe> seen = new HashMap<>();
        for (ProbeFile file : files) {
            for (Probe probe : file.probes()) {
                Probe earlier = seen.putIfAbsent(probe.name(), probe);
                if (earlier != null) {
                    throw new ProbeSyntaxException(probe.source(), probe.line(),
                            "probe name '" + probe.name() + "' already used at " + earlier.location());
                }
            }
        }
    }

    private static List<String> listResources() {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        try {
            var urls = ProbeFile.class.getClassLoader().getResources(RESOURCE_DIR);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.getFileSystem(uri);
                    } catch (FileSystemNotFoundException e) {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    }
                    found.addAll(list(fs.getPath(RESOURCE_DIR)));
                } else if ("file".equals(uri.getScheme())) {
                    found.addAll(list(Path.of(uri)));
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list " + RESOURCE_DIR + ": " + e, e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + RESOURCE_DIR + "/*" + SUFFIX + " on the classpath");
        }
        return List.copyOf(found);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .sorted()
                    .map(n -> RESOURCE_DIR + "/" + n)
                    .toList();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // parsing

    /** Parses one file; the group is the file name without {@code .probes}. */
    public static ProbeFile parse(String source, String text) {
        String group = source.endsWith(SUFFIX) ? source.substring(0, source.length() - SUFFIX.length()) : source;
        return new Parser(source, group).parse(text);
    }

    private static final class Parser {
        private final String source;
        private final String group;
        private final List<Probe> probes = new ArrayList<>();
        private final Map<String, Integer> names = new HashMap<>();

        // the probe being built
        private String name;
        private int probeLine;
        private List<String> notes;
        private String pending;
        private Map<String, String> pendingOn;
        private List<String> setup;
        private List<Step> steps;
        private java.util.Set<String> captured;
        // the step being built
        private int stepLine;
        private String session;
        private StringBuilder sql;
        private boolean multi;
        private List<Expected> expected;
        private String capture;
        private StringBuilder setupSql;
        // the ok expectation being built
        private int okLine;
        private String okTag;
        private List<String> okColumns;
        private List<List<String>> okRows;
        private boolean okAnyRows;
        private boolean okAnyColumns;
        private boolean okUnordered;
        // what a continuation line extends: 's' setup, 't' step, none otherwise
        private char continues;

        Parser(String source, String group) {
            this.source = source;
            this.group = group;
        }

        ProbeFile parse(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i]);
            }
            endProbe(lines.length);
            return new ProbeFile(group, source, List.copyOf(probes));
        }

        private ProbeSyntaxException fail(int line, String message) {
            return new ProbeSyntaxException(source, line, message);
        }

        private void line(int no, String raw) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (line.equals("|") || line.startsWith("| ")) {
                continuation(no, line.length() == 1 ? "" : raw.substring(raw.indexOf('|') + 2));
                return;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            if (!keyword.equals("probe") && name == null) {
                throw fail(no, "'" + keyword + "' outside a probe (a probe starts with 'probe NAME')");
            }
            switch (keyword) {
                case "probe" -> startProbe(no, rest);
                case "note" -> {
                    requireText(no, keyword, rest);
                    notes.add(rest);
                    continues = 0;
                }
                case "pending" -> {
                    requireText(no, keyword, rest);
                    if (pending != null) {
                        throw fail(no, "second 'pending' line");
                    }
                    pending = rest;
                    continues = 0;
                }
                case "pending-on" -> pendingOn(no, rest);
                case "setup" -> {
                    requireText(no, keyword, rest);
                    if (steps.size() > 0 || session != null) {
                        throw fail(no, "'setup' after the first step");
                    }
                    flushSetup();
                    setupSql = new StringBuilder(rest);
                    continues = 's';
                }
                case "a>", "b>", "a>>", "b>>" -> startStep(no, keyword, rest);
                case "capture" -> {
                    requireStep(no, keyword);
                    if (!VARIABLE.matcher(rest).matches()) {
                        throw fail(no, "capture needs a variable name [a-z][a-z0-9_]*, got '" + rest + "'");
                    }
                    if (capture != null) {
                        throw fail(no, "second 'capture' for one step");
                    }
                    capture = rest;
                    continues = 0;
                }
                case "ok" -> {
                    requireStep(no, keyword);
                    requireText(no, keyword, rest);
                    flushOk();
                    okLine = no;
                    okTag = rest;
                    continues = 0;
                }
                case "error" -> {
                    requireStep(no, keyword);
                    flushOk();
                    expected.add(error(no, rest));
                    continues = 0;
                }
                case "..." -> {
                    requireStep(no, keyword);
                    if (!rest.isEmpty()) {
                        throw fail(no, "'...' takes no argument");
                    }
                    if (!multi) {
                        throw fail(no, "'...' is only allowed in a multi-statement step (a>> / b>>)");
                    }
                    flushOk();
                    expected.add(new Expected(Kind.ANY_OK_RESULTS, no, null, false, null, null, false, null, null, null));
                    continues = 0;
                }
                case "columns" -> {
                    requireOk(no, keyword);
                    requireText(no, keyword, rest);
                    if (okColumns != null || okAnyColumns) {
                        throw fail(no, "second 'columns' for one result");
                    }
                    okColumns = cells(no, rest, false);
                    continues = 0;
                }
                case "row" -> {
                    requireOk(no, keyword);
                    if (okAnyRows) {
                        throw fail(no, "'row' after 'any-rows'");
                    }
                    if (okRows == null) {
                        okRows = new ArrayList<>();
                    }
                    List<String> row = cells(no, rest, true);
                    if (okColumns != null && row.size() != okColumns.size()) {
                        throw fail(no, "row has " + row.size() + " cells but there are " + okColumns.size() + " columns");
                    }
                    if (!okRows.isEmpty() && okRows.get(0).size() != row.size()) {
                        throw fail(no, "row has " + row.size() + " cells, the first row " + okRows.get(0).size());
                    }
                    okRows.add(row);
                    continues = 0;
                }
                case "any-rows" -> {
                    requireOk(no, keyword);
                    noArgument(no, keyword, rest);
                    if (okRows != null) {
                        throw fail(no, "'any-rows' after 'row'");
                    }
                    okAnyRows = true;
                    continues = 0;
                }
                case "any-columns" -> {
                    requireOk(no, keyword);
                    noArgument(no, keyword, rest);
                    if (okColumns != null) {
                        throw fail(no, "'any-columns' after 'columns'");
                    }
                    okAnyColumns = true;
                    continues = 0;
                }
                case "unordered" -> {
                    requireOk(no, keyword);
                    noArgument(no, keyword, rest);
                    okUnordered = true;
                    continues = 0;
                }
                default -> throw fail(no, "unknown keyword '" + keyword + "'");
            }
        }

        private void continuation(int no, String text) {
            if (continues == 's') {
                setupSql.append('\n').append(text);
            } else if (continues == 't') {
                sql.append('\n').append(text);
            } else {
                throw fail(no, "'|' continues a setup or step line, but the line above is neither");
            }
        }

        private void requireText(int no, String keyword, String rest) {
            if (rest.isEmpty()) {
                throw fail(no, "'" + keyword + "' needs an argument");
            }
        }

        private void noArgument(int no, String keyword, String rest) {
            if (!rest.isEmpty()) {
                throw fail(no, "'" + keyword + "' takes no argument");
            }
        }

        private void requireStep(int no, String keyword) {
            if (session == null) {
                throw fail(no, "'" + keyword + "' before any step (a> / b> / a>> / b>>)");
            }
        }

        private void requireOk(int no, String keyword) {
            requireStep(no, keyword);
            if (okTag == null) {
                throw fail(no, "'" + keyword + "' must follow an 'ok' line");
            }
        }

        private void pendingOn(int no, String rest) {
            int sp = rest.indexOf(' ');
            String transport = sp < 0 ? rest : rest.substring(0, sp);
            String reason = sp < 0 ? "" : rest.substring(sp + 1).strip();
            if (!transport.equals("raw") && !transport.equals("pgjdbc")) {
                throw fail(no, "pending-on needs 'raw' or 'pgjdbc', got '" + transport + "'");
            }
            if (reason.isEmpty()) {
                throw fail(no, "pending-on " + transport + " needs a reason");
            }
            if (pendingOn.putIfAbsent(transport, reason) != null) {
                throw fail(no, "second 'pending-on " + transport + "'");
            }
            continues = 0;
        }

        private Expected error(int no, String rest) {
            String[] parts = rest.split(" ", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw fail(no, "'error' needs a SQLSTATE and a message");
            }
            if (!SQLSTATE.matcher(parts[0]).matches()) {
                throw fail(no, "'" + parts[0] + "' is not a SQLSTATE (five characters 0-9A-Z)");
            }
            String message = parts[1].strip();
            MessageMatch match = MessageMatch.EXACT;
            for (MessageMatch m : List.of(MessageMatch.PREFIX, MessageMatch.CONTAINS)) {
                String word = "message-" + m.name().toLowerCase(Locale.ROOT);
                if (message.equals(word) || message.startsWith(word + " ")) {
                    match = m;
                    message = message.substring(word.length()).strip();
                    if (message.isEmpty()) {
                        throw fail(no, word + " needs a text");
                    }
                }
            }
            return new Expected(Kind.ERROR, no, null, false, null, null, false, parts[0], match, message);
        }

        private List<String> cells(int no, String text, boolean values) {
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean isNull = false;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '|') {
                    String value = strip(cell);
                    if (isNull) {
                        if (!value.equals("\u0000N")) {
                            throw fail(no, "\\N must be a whole cell");
                        }
                        out.add(null);
                    } else {
                        out.add(value.replace('\u0001', ' '));
                    }
                    cell.setLength(0);
                    isNull = false;
                    continue;
                }
                char c = text.charAt(i);
                if (c != '\\') {
                    cell.append(c);
                    continue;
                }
                if (i + 1 >= text.length()) {
                    throw fail(no, "a cell ends with a lone backslash");
                }
                char e = text.charAt(++i);
                switch (e) {
                    case 'N' -> {
                        if (!values) {
                            throw fail(no, "\\N (NULL) is not allowed in column names");
                        }
                        isNull = true;
                        cell.append("\u0000N");
                    }
                    case '|' -> cell.append('|');
                    case '\\' -> cell.append('\\');
                    case 's' -> cell.append('\u0001'); // kept through strip, turned into a space above
                    case 't' -> cell.append('\t');
                    case 'n' -> cell.append('\n');
                    default -> throw fail(no, "unknown escape \\" + e + " (known: \\N \\| \\\\ \\s \\t \\n)");
                }
            }
            if (!values && out.stream().anyMatch(String::isEmpty)) {
                throw fail(no, "an empty column name");
            }
            return Collections.unmodifiableList(out);
        }

        private static String strip(StringBuilder cell) {
            return cell.toString().strip();
        }

        private void startProbe(int no, String rest) {
            endProbe(no);
            if (!NAME.matcher(rest).matches()) {
                throw fail(no, "probe name must match [a-z0-9_]+, got '" + rest + "'");
            }
            Integer earlier = names.putIfAbsent(rest, no);
            if (earlier != null) {
                throw fail(no, "probe '" + rest + "' already defined on line " + earlier);
            }
            name = rest;
            probeLine = no;
            notes = new ArrayList<>();
            pending = null;
            pendingOn = new LinkedHashMap<>();
            setup = new ArrayList<>();
            steps = new ArrayList<>();
            captured = new java.util.HashSet<>();
            session = null;
            setupSql = null;
            continues = 0;
        }

        private void startStep(int no, String keyword, String rest) {
            requireText(no, keyword, rest);
            flushSetup();
            endStep(no);
            stepLine = no;
            session = keyword.substring(0, 1);
            multi = keyword.endsWith(">>");
            sql = new StringBuilder(rest);
            expected = new ArrayList<>();
            capture = null;
            continues = 't';
        }

        private void flushSetup() {
            if (setupSql != null) {
                setup.add(setupSql.toString());
                setupSql = null;
            }
        }

        private void flushOk() {
            if (okTag == null) {
                return;
            }
            boolean rowDescription = okColumns != null || okRows != null || okAnyRows || okAnyColumns;
            List<List<String>> rows = okAnyRows ? null : okRows != null ? List.copyOf(okRows) : rowDescription ? List.of() : null;
            if (okUnordered && rows == null) {
                throw fail(okLine, "'unordered' needs expected rows");
            }
            String[] tagWords = okTag.split(" ");
            for (int i = 0; i < tagWords.length - 1; i++) {
                if (tagWords[i].equals(ANY_COUNT)) {
                    throw fail(okLine, ANY_COUNT + " may only be the last word of a tag");
                }
            }
            if (rows != null && tagWords.length >= 2
                    && List.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE").contains(tagWords[0])
                    && tagWords[tagWords.length - 1].chars().allMatch(Character::isDigit)
                    && Long.parseLong(tagWords[tagWords.length - 1]) != rows.size()) {
                throw fail(okLine, "tag '" + okTag + "' counts " + tagWords[tagWords.length - 1] + " rows but "
                        + rows.size() + " are listed");
            }
            expected.add(new Expected(Kind.OK, okLine, okTag, rowDescription, okColumns, rows, okUnordered,
                    null, null, null));
            okTag = null;
            okColumns = null;
            okRows = null;
            okAnyRows = false;
            okAnyColumns = false;
            okUnordered = false;
        }

        private void endStep(int no) {
            if (session == null) {
                return;
            }
            flushOk();
            if (expected.isEmpty()) {
                throw fail(stepLine, "step has no expected outcome (ok / error)");
            }
            if (!multi && expected.size() != 1) {
                throw fail(stepLine, "a single-statement step expects exactly one result, got " + expected.size()
                        + " (use a>> / b>> for multi-statement strings)");
            }
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                if (e.kind() == Kind.ERROR && i != expected.size() - 1) {
                    throw fail(expected.get(i + 1).line(), "nothing runs after an error in one query string");
                }
                if (e.kind() == Kind.ANY_OK_RESULTS
                        && (i + 1 >= expected.size() || expected.get(i + 1).kind() != Kind.ERROR)) {
                    throw fail(e.line(), "'...' must be followed by an 'error' line");
                }
            }
            java.util.regex.Matcher uses = USE.matcher(sql);
            while (uses.find()) {
                if (!captured.contains(uses.group(1))) {
                    throw fail(stepLine, "${" + uses.group(1) + "} is not captured by an earlier step");
                }
            }
            if (capture != null) {
                captured.add(capture);
            }
            steps.add(new Step(stepLine, session, sql.toString(), multi, List.copyOf(expected), capture));
            session = null;
            sql = null;
            expected = null;
            capture = null;
            continues = 0;
        }

        private void endProbe(int no) {
            if (name == null) {
                return;
            }
            flushSetup();
            endStep(no);
            if (steps.isEmpty()) {
                throw fail(probeLine, "probe '" + name + "' has no steps");
            }
            probes.add(new Probe(name, group, source, probeLine, List.copyOf(notes), pending,
                    Collections.unmodifiableMap(pendingOn), List.copyOf(setup), List.copyOf(steps)));
            name = null;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // rendering

    /** Renders rows the way probe files write them (for failure reports). */
    public static String render(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append('(').append(renderRow(rows.get(i))).append(')');
        }
        return b.append(']').toString();
    }

    public static String renderRow(List<String> row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                b.append(" | ");
            }
            String v = row.get(i);
            b.append(v == null ? "\\N" : v.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\t", "\\t"));
        }
        return b.toString();
    }
}
