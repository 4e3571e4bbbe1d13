package io.dsqlkit.local.bench;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what the DSQL Local front end costs compared with talking to the backing PostgreSQL
 * directly, and how long {@code start()} and {@code newCluster()} take. A program, not a test: it
 * prints a Markdown report and asserts nothing about timings.
 *
 * <p>Run it with
 * <pre>
 * mvn -q -pl dsqlkit-local -am test-compile exec:java -Dexec.mainClass=io.dsqlkit.local.bench.ProxyBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * <p>Settings (system properties, or {@code key=value} program arguments with the same keys):
 * <ul>
 *   <li>{@code bench.warmup} seconds of warm-up per path and cell (default 3)</li>
 *   <li>{@code bench.duration} measured seconds per path and cell (default 10), split into</li>
 *   <li>{@code bench.rounds} rounds that alternate direct and proxied (default 5)</li>
 *   <li>{@code bench.threads} client thread counts (default {@code 1,4})</li>
 *   <li>{@code bench.rows} rows in the table (default 10000)</li>
 *   <li>{@code bench.modes} front-end modes to compare: {@code notls,tls} (default both)</li>
 *   <li>{@code bench.workloads} {@code select,update} (default both)</li>
 *   <li>{@code bench.starts} cold starts to time (default 3; 0 skips)</li>
 *   <li>{@code bench.newClusters} {@code newCluster()} calls to time (default 20; 0 skips)</li>
 *   <li>{@code bench.maxForeignCpu} CPU (in cores) that other processes may use during a measured round
 *       before the round counts as disturbed and is repeated (default 0.1; Linux only; a negative value
 *       turns the check off)</li>
 *   <li>{@code bench.maxRepeats} how often one cell may repeat disturbed rounds (default 30)</li>
 *   <li>{@code bench.codeVersion} text for the report's "Code under test" row (default: the git commit
 *       of the working directory)</li>
 *   <li>{@code bench.out} also write the report to this file</li>
 * </ul>
 *
 * <p>Method. Each DSQL Local instance (one with {@code tls(false)}, one with TLS) gets a table
 * {@code bench} created through the front end on its default cluster; the "direct" path then uses
 * {@link DsqlCluster#backingJdbcUrl()} of that same cluster, so both paths read and write the same
 * rows of the same database in the same PostgreSQL. Per cell (workload x thread count) every path
 * opens one pgjdbc connection per thread and one {@link PreparedStatement} per connection (pgjdbc's
 * default {@code prepareThreshold}, so after 5 executions the statement is server-prepared), warms
 * up, then runs its measured time in rounds that alternate the order of the paths, so slow drift of
 * the machine (autovacuum, page cache, turbo) is shared fairly. Paths never run at the same time.
 *
 * <p>On a shared machine other processes steal CPU from whichever path happens to run. On Linux
 * every measured round therefore reads {@code /proc}: CPU time used by processes other than this
 * JVM and the backing PostgreSQL of the instance under test beyond {@code bench.maxForeignCpu} makes
 * the round "disturbed"; it is thrown away and run again, and the report counts such repeats.
 */
public final class ProxyBenchmark {
    private static final String TABLE_DDL =
            "create table bench (id integer primary key, name text not null, counter bigint not null default 0)";
    /** DSQL modifies at most 3 000 rows per transaction, so the table is filled in smaller chunks. */
    private static final int INSERT_CHUNK = 1000;

    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Config config = Config.from(args);
        Report report = new Report(config);
        progress("config: " + config);

        if (config.starts > 0 || config.newClusters > 0) {
            measureStartup(config, report);
        }
        for (String mode : config.modes) {
            boolean tls = mode.equals("tls");
            progress("starting DSQL Local, tls=" + tls);
            try (DsqlLocal dsql = DsqlLocal.builder().tls(tls).start()) {
                DsqlCluster cluster = dsql.defaultCluster();
                prepareTable(cluster, config.rows, report);
                // Same database, no front end: loopback TCP straight to the backing PostgreSQL.
                BenchPath direct = new BenchPath("direct",
                        tls ? "direct (baseline of the TLS run)" : "direct (baseline of the no-TLS run)",
                        () -> DriverManager.getConnection(cluster.backingJdbcUrl() + "&sslmode=disable"));
                BenchPath proxied = new BenchPath(tls ? "DSQL Local, TLS" : "DSQL Local, no TLS",
                        tls ? "DSQL Local, TLS" : "DSQL Local, no TLS", cluster::connect);
                Interference interference = Interference.forBackingUrl(cluster.backingJdbcUrl(),
                        config.maxForeignCpu);
                for (Workload workload : config.workloads) {
                    for (int threads : config.threads) {
                        report.cells.add(runCell(config, workload, threads, direct, proxied, interference));
                    }
                }
            }
        }

        String markdown = report.render();
        System.out.println(markdown);
        if (config.out != null) {
            Path out = Path.of(config.out);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            progress("report written to " + out.toAbsolutePath());
        }
    }

    // ------------------------------------------------------------------ startup times

    private static void measureStartup(Config config, Report report) throws Exception {
        int starts = Math.max(1, config.starts);
        int repeats = 0;
        for (int i = 0; i < starts; i++) {
            progress("cold start " + (i + 1) + "/" + starts);
            Interference interference = Interference.forStartup(config.maxForeignCpu);
            interference.begin();
            long t0 = System.nanoTime();
            DsqlLocal dsql = DsqlLocal.builder().start();
            long started = System.nanoTime() - t0;
            double foreign = interference.foreignCores();
            try {
                if (foreign > interference.maxForeignCores() && repeats < config.maxRepeats) {
                    repeats++;
                    report.startupRepeats++;
                    progress(String.format(Locale.ROOT, "  disturbed (other processes used %.2f cores): repeating it", foreign));
                    i--;
                    continue;
                }
                if (config.starts > 0) {
                    report.coldStarts.add(started);
                }
                if (i == starts - 1 && config.newClusters > 0) {
                    measureNewCluster(config, report, dsql);
                }
            } finally {
                long c0 = System.nanoTime();
                dsql.close();
                report.stops.add(System.nanoTime() - c0);
            }
        }
    }

    /** {@code newCluster()} calls in one batch; a batch disturbed by other processes is repeated. */
    private static void measureNewCluster(Config config, Report report, DsqlLocal dsql) throws Exception {
        Interference interference = Interference.forBackingUrl(dsql.defaultCluster().backingJdbcUrl(),
                config.maxForeignCpu);
        for (int attempt = 0; ; attempt++) {
            LongArray creates = new LongArray(config.newClusters);
            LongArray closes = new LongArray(config.newClusters);
            interference.begin();
            for (int n = 0; n < config.newClusters; n++) {
                long c0 = System.nanoTime();
                DsqlCluster cluster = dsql.newCluster();
                creates.add(System.nanoTime() - c0);
                if (n == 0 && attempt == 0) {
                    // Not timed: proves the cluster is usable.
                    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                        s.execute("select 1");
                    }
                }
                long d0 = System.nanoTime();
                cluster.close();
                closes.add(System.nanoTime() - d0);
            }
            double foreign = interference.foreignCores();
            if (foreign > interference.maxForeignCores() && attempt < Math.min(5, config.maxRepeats)) {
                report.startupRepeats++;
                progress(String.format(Locale.ROOT,
                        "  newCluster() batch disturbed (other processes used %.2f cores): repeating it", foreign));
                Thread.sleep(1000);
                continue;
            }
            report.newClusters.addAll(creates);
            report.clusterCloses.addAll(closes);
            return;
        }
    }

    // ------------------------------------------------------------------ table

    private static void prepareTable(DsqlCluster cluster, int rows, Report report) throws SQLException {
        progress("creating table bench with " + rows + " rows through the front end");
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench");
            s.execute(TABLE_DDL);
            for (int from = 1; from <= rows; from += INSERT_CHUNK) {
                int to = Math.min(rows, from + INSERT_CHUNK - 1);
                s.executeUpdate("insert into bench (id, name) select g, 'name-' || g from generate_series("
                        + from + ", " + to + ") g");
            }
            s.execute("analyze bench");
        }
        // The direct path must see the very same table.
        try (Connection c = DriverManager.getConnection(cluster.backingJdbcUrl() + "&sslmode=disable");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from bench")) {
                rs.next();
                if (rs.getInt(1) != rows) {
                    throw new IllegalStateException("direct path sees " + rs.getInt(1) + " rows, expected " + rows);
                }
            }
            if (report.postgresVersion == null) {
                try (ResultSet rs = s.executeQuery("select version()")) {
                    rs.next();
                    report.postgresVersion = rs.getString(1);
                }
                report.driverVersion = c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion();
            }
        }
    }

    // ------------------------------------------------------------------ throughput and latency

    private static Cell runCell(Config config, Workload workload, int threads, BenchPath direct, BenchPath proxied,
                                Interference interference) throws Exception {
        progress(String.format(Locale.ROOT, "cell: %s, %d thread(s): %s vs %s", workload.label, threads,
                direct.label, proxied.label));
        List<BenchPath> paths = List.of(direct, proxied);
        Map<BenchPath, List<Client>> clients = new LinkedHashMap<>();
        try {
            for (BenchPath path : paths) {
                List<Client> list = new ArrayList<>();
                clients.put(path, list);
                for (int t = 0; t < threads; t++) {
                    list.add(new Client(path.opener.open(), workload, t, threads, config.rows));
                }
            }
            long warmupNanos = (long) (config.warmupSeconds * 1e9);
            for (BenchPath path : paths) {
                runPhase(clients.get(path), warmupNanos, null);
            }
            long roundNanos = (long) (config.durationSeconds * 1e9 / config.rounds);
            Map<BenchPath, Measurement> results = new LinkedHashMap<>();
            paths.forEach(p -> results.put(p, new Measurement()));
            int repeated = 0;
            boolean gaveUp = false;
            for (int round = 0; round < config.rounds; round++) {
                List<BenchPath> order = round % 2 == 0 ? paths : List.of(proxied, direct);
                for (BenchPath path : order) {
                    while (true) {
                        Measurement attempt = new Measurement();
                        interference.begin();
                        runPhase(clients.get(path), roundNanos, attempt);
                        double foreign = interference.foreignCores();
                        if (foreign > interference.maxForeignCores() && !gaveUp) {
                            if (repeated < config.maxRepeats) {
                                repeated++;
                                progress(String.format(Locale.ROOT,
                                        "  round %d of %s disturbed (other processes used %.2f cores): repeating it",
                                        round + 1, path.label, foreign));
                                Thread.sleep(1000);
                                continue;
                            }
                            gaveUp = true;
                            progress("  too many disturbed rounds: keeping the rest as they come");
                        }
                        results.get(path).add(attempt);
                        break;
                    }
                }
            }
            Cell cell = new Cell(workload, threads, direct, results.get(direct), proxied, results.get(proxied),
                    repeated, gaveUp);
            progress(String.format(Locale.ROOT, "  direct %,.0f ops/s, proxied %,.0f ops/s, ratio %.3f",
                    cell.directResult.opsPerSecond(), cell.proxiedResult.opsPerSecond(), cell.ratio()));
            return cell;
        } finally {
            for (List<Client> list : clients.values()) {
                for (Client client : list) {
                    client.close();
                }
            }
        }
    }

    /** Runs every client on its own thread for {@code nanos}; records into {@code into} unless it is null. */
    private static void runPhase(List<Client> clients, long nanos, Measurement into) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] deadline = new long[1];
        LongArray[] latencies = new LongArray[clients.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            LongArray lat = latencies[i] = new LongArray(into == null ? 16 : 1 << 16);
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long end = deadline[0];
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end || failure.get() != null) {
                            break;
                        }
                        client.executeOnce();
                        long t1 = System.nanoTime();
                        if (into != null) {
                            lat.add(t1 - t0);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        deadline[0] = start + nanos;
        go.countDown(); // happens-before: the workers read deadline[0] after await()
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpu0;
        if (failure.get() != null) {
            throw new IllegalStateException("benchmark client failed: " + failure.get(), failure.get());
        }
        if (into != null) {
            long ops = 0;
            for (LongArray lat : latencies) {
                ops += lat.size;
                into.latencies.addAll(lat);
            }
            into.ops += ops;
            into.nanos += elapsed;
            into.cpuNanos += cpu;
            into.roundRates.add(ops / (elapsed / 1e9));
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    enum Workload {
        SELECT("point select by PK", "select name from bench where id = ?"),
        UPDATE("single-row update", "update bench set counter = counter + 1 where id = ?");

        final String label;
        final String sql;

        Workload(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }
    }

    /** One benchmark connection with its prepared statement. */
    private static final class Client implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final Workload workload;
        /** Ids this client draws from: all rows for selects, its own disjoint slice for updates. */
        private final int lowId;
        private final int idCount;

        Client(Connection connection, Workload workload, int index, int threads, int rows) throws SQLException {
            this.connection = connection;
            this.workload = workload;
            connection.setAutoCommit(true);
            this.statement = connection.prepareStatement(workload.sql);
            if (workload == Workload.UPDATE) {
                int from = 1 + (int) ((long) index * rows / threads);
                int to = (int) ((long) (index + 1) * rows / threads);
                this.lowId = from;
                this.idCount = to - from + 1;
            } else {
                this.lowId = 1;
                this.idCount = rows;
            }
        }

        void executeOnce() throws SQLException {
            int id = lowId + ThreadLocalRandom.current().nextInt(idCount);
            statement.setInt(1, id);
            if (workload == Workload.SELECT) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw new IllegalStateException("row " + id + " not found");
                    }
                }
            } else if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("row " + id + " not updated");
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
                connection.close();
            } catch (SQLException ignored) {
                // the benchmark is over for this connection
            }
        }
    }

    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    record BenchPath(String name, String label, Opener opener) {
    }

    /** Everything recorded for one path in one cell. */
    static final class Measurement {
        final LongArray latencies = new LongArray(1 << 16);
        final List<Double> roundRates = new ArrayList<>();
        long ops;
        long nanos;
        long cpuNanos;

        void add(Measurement round) {
            latencies.addAll(round.latencies);
            roundRates.addAll(round.roundRates);
            ops += round.ops;
            nanos += round.nanos;
            cpuNanos += round.cpuNanos;
        }

        double opsPerSecond() {
            return ops / (nanos / 1e9);
        }

        double cpuMicrosPerOp() {
            return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / ops;
        }

        double percentileMicros(double p) {
            return latencies.percentile(p) / 1e3;
        }
    }

    record Cell(Workload workload, int threads, BenchPath direct, Measurement directResult,
                BenchPath proxied, Measurement proxiedResult, int repeatedRounds, boolean disturbed) {
        double ratio() {
            return proxiedResult.opsPerSecond() / directResult.opsPerSecond();
        }
    }

    /** A growable array of primitive longs (latency samples). */
    static final class LongArray {
        long[] values;
        int size;
        private boolean sorted;

        LongArray(int capacity) {
            values = new long[Math.max(1, capacity)];
        }

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
            sorted = false;
        }

        void addAll(LongArray other) {
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
            sorted = false;
        }

        /** Nearest-rank percentile, {@code p} in (0, 1]. */
        long percentile(double p) {
            if (size == 0) {
                return 0;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(p * size);
            return values[Math.min(size, Math.max(1, rank)) - 1];
        }
    }

    /**
     * CPU used by processes other than this JVM and one backing PostgreSQL (its postmaster and
     * backends), from {@code /proc}; inert where {@code /proc} is missing.
     */
    static final class Interference {
        private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux
        private final long postmasterPid;
        private final double maxForeignCores;
        private final boolean enabled;
        private long busyAtStart;
        private long ownAtStart;
        private long startNanos;
        private long bootTicksAtStart;

        private Interference(long postmasterPid, double maxForeignCores, boolean enabled) {
            this.postmasterPid = postmasterPid;
            this.maxForeignCores = maxForeignCores;
            this.enabled = enabled;
        }

        static Interference forBackingUrl(String backingJdbcUrl, double maxForeignCores) {
            if (maxForeignCores < 0 || !Files.isReadable(Path.of("/proc/stat"))) {
                return new Interference(-1, Double.MAX_VALUE, false);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(backingJdbcUrl);
            String port = m.find() ? m.group(1) : "";
            long postmaster = -1;
            for (long pid : pids()) {
                try {
                    String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
                    if (cmdline.contains("postgres\0") && cmdline.contains("\0-p\0" + port + "\0")) {
                        postmaster = pid;
                        break;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended
                }
            }
            if (postmaster < 0) {
                progress("could not find the backing PostgreSQL's process; disturbed rounds are not detected");
                return new Interference(-1, Double.MAX_VALUE, false);
            }
            return new Interference(postmaster, maxForeignCores, true);
        }

        /**
         * For a cold start, whose PostgreSQL does not exist yet: processes named postgres, initdb or
         * pg_ctl that start during the measurement count as the benchmark's own.
         */
        static Interference forStartup(double maxForeignCores) {
            if (maxForeignCores < 0 || !Files.isReadable(Path.of("/proc/stat"))) {
                return new Interference(-1, Double.MAX_VALUE, false);
            }
            return new Interference(-1, maxForeignCores, true);
        }

        double maxForeignCores() {
            return maxForeignCores;
        }

        void begin() {
            if (enabled) {
                bootTicksAtStart = uptimeTicks();
                busyAtStart = machineBusyTicks();
                ownAtStart = ownTicks();
                startNanos = System.nanoTime();
            }
        }

        /** Cores' worth of CPU other processes used since {@link #begin()}. */
        double foreignCores() {
            if (!enabled) {
                return 0;
            }
            long busy = machineBusyTicks() - busyAtStart;
            long own = ownTicks() - ownAtStart;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return Math.max(0, busy - own) / TICKS_PER_SECOND / seconds;
        }

        /** user + nice + system of all CPUs (interrupt time is not attributed to processes, so left out). */
        private static long machineBusyTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /**
         * CPU ticks of this JVM (with reaped children) and of the postmaster and its children; for a
         * cold start, of PostgreSQL's programs started since {@link #begin()}.
         */
        private long ownTicks() {
            long self = ProcessHandle.current().pid();
            long total = 0;
            for (long pid : pids()) {
                long[] stat = stat(pid);
                if (stat == null) {
                    continue;
                }
                boolean own = pid == self
                        || postmasterPid >= 0 && (pid == postmasterPid || stat[0] == postmasterPid)
                        || postmasterPid < 0 && stat[2] >= bootTicksAtStart && isPostgresProgram(pid);
                if (own) {
                    total += stat[1];
                }
            }
            return total;
        }

        private static boolean isPostgresProgram(long pid) {
            try {
                String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
                return comm.equals("postgres") || comm.equals("initdb") || comm.equals("pg_ctl");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private static long uptimeTicks() {
            try {
                String uptime = Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0];
                return (long) (Double.parseDouble(uptime) * TICKS_PER_SECOND) - 1;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /**
         * {ppid, CPU ticks of it and its reaped children, start time in ticks after boot} of one
         * process, or null if it is gone.
         */
        private static long[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // f[0] = state (field 3), so field n is f[n - 3]
                // utime + stime, plus cutime + cstime: the postmaster reaps short-lived backends, the JVM initdb
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                return new long[] {Long.parseLong(f[1]), ticks, Long.parseLong(f[19])};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long[] pids() {
            String[] names = new java.io.File("/proc").list();
            if (names == null) {
                return new long[0];
            }
            return Arrays.stream(names).filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).toArray();
        }
    }

    // ------------------------------------------------------------------ configuration

    record Config(double warmupSeconds, double durationSeconds, int rounds, int[] threads, int rows,
                  List<String> modes, List<Workload> workloads, int starts, int newClusters,
                  double maxForeignCpu, int maxRepeats, String out) {

        static Config from(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                String a = arg.startsWith("-D") ? arg.substring(2) : arg;
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("arguments are key=value, e.g. bench.duration=5; got " + arg);
                }
                String key = a.substring(0, eq);
                values.put(key.startsWith("bench.") ? key : "bench." + key, a.substring(eq + 1));
            }
            java.util.function.BiFunction<String, String, String> get = (key, dflt) ->
                    values.getOrDefault(key, System.getProperty(key, dflt));
            int[] threads = Arrays.stream(get.apply("bench.threads", "1,4").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            List<String> modes = Arrays.stream(get.apply("bench.modes", "notls,tls").split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
            for (String mode : modes) {
                if (!mode.equals("tls") && !mode.equals("notls")) {
                    throw new IllegalArgumentException("bench.modes takes notls and/or tls, not " + mode);
                }
            }
            List<Workload> workloads = Arrays.stream(get.apply("bench.workloads", "select,update").split(","))
                    .map(s -> Workload.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
            Config config = new Config(
                    Double.parseDouble(get.apply("bench.warmup", "3")),
                    Double.parseDouble(get.apply("bench.duration", "10")),
                    Integer.parseInt(get.apply("bench.rounds", "5")),
                    threads,
                    Integer.parseInt(get.apply("bench.rows", "10000")),
                    modes, workloads,
                    Integer.parseInt(get.apply("bench.starts", "3")),
                    Integer.parseInt(get.apply("bench.newClusters", "20")),
                    Double.parseDouble(get.apply("bench.maxForeignCpu", "0.1")),
                    Integer.parseInt(get.apply("bench.maxRepeats", "30")),
                    get.apply("bench.out", null));
            if (config.rounds < 1 || config.durationSeconds <= 0 || config.warmupSeconds < 0 || config.rows < 1
                    || Arrays.stream(threads).anyMatch(t -> t < 1 || t > config.rows)) {
                throw new IllegalArgumentException("impossible benchmark settings: " + config);
            }
            return config;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "warm-up %ss, measured %ss in %d rounds per path and cell, threads %s, %d rows, modes %s,"
                            + " workloads %s, %d cold starts, %d newCluster() calls, rounds repeated when other"
                            + " processes use more than %s cores",
                    trim(warmupSeconds), trim(durationSeconds), rounds, Arrays.toString(threads), rows, modes,
                    workloads, starts, newClusters, maxForeignCpu < 0 ? "∞ (check off)" : Double.toString(maxForeignCpu));
        }
    }

    // ------------------------------------------------------------------ report

    static final class Report {
        final Config config;
        final ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        /** The machine's 1-minute load average when the benchmark began (other work on the machine skews results). */
        final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final List<Cell> cells = new ArrayList<>();
        final LongArray coldStarts = new LongArray(8);
        final LongArray stops = new LongArray(8);
        final LongArray newClusters = new LongArray(32);
        final LongArray clusterCloses = new LongArray(32);
        String postgresVersion;
        String driverVersion;
        int startupRepeats;

        Report(Config config) {
            this.config = config;
        }

        String render() {
            StringBuilder md = new StringBuilder();
            md.append("### Machine\n\n");
            md.append("| Fact | Value |\n|---|---|\n");
            row(md, "Date (UTC)", date.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)).replaceAll("\\.\\d+$", ""));
            row(md, "Cores (Runtime.availableProcessors)", Integer.toString(Runtime.getRuntime().availableProcessors()));
            String cpu = cpuModel();
            if (cpu != null) {
                row(md, "CPU", cpu);
            }
            row(md, "Max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
            row(md, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vendor") + ")");
            row(md, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            row(md, "Code under test", codeUnderTest());
            if (postgresVersion != null) {
                row(md, "Backing PostgreSQL", postgresVersion);
            }
            if (driverVersion != null) {
                row(md, "Client driver", driverVersion + " (default prepareThreshold)");
            }
            row(md, "Load average (1 min) at start / end", String.format(Locale.ROOT, "%.2f / %.2f", loadAtStart,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            row(md, "Settings", config.toString());
            md.append('\n');

            if (!cells.isEmpty()) {
                md.append("### Throughput and latency (pgjdbc, one connection per client thread)\n\n");
                md.append("| Workload | Threads | Path | ops/s | ops/s per round (min–max) | p50 µs | p99 µs"
                        + " | JVM CPU µs/op | proxied / direct ops/s |\n");
                md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
                int repeated = 0;
                boolean disturbed = false;
                for (Cell cell : cells) {
                    cellRow(md, cell, cell.direct.label, cell.directResult, "1 (baseline)");
                    cellRow(md, cell, cell.proxied.label, cell.proxiedResult,
                            String.format(Locale.ROOT, "**%.2f**%s", cell.ratio(), cell.disturbed ? " (disturbed)" : ""));
                    repeated += cell.repeatedRounds;
                    disturbed |= cell.disturbed;
                }
                md.append('\n');
                md.append(String.format(Locale.ROOT, "Rounds repeated because other processes were using the CPU: %d%s.%n%n",
                        repeated, disturbed ? "; cells marked (disturbed) kept disturbed rounds after too many repeats" : ""));
                md.append("JVM CPU µs/op is the benchmark JVM's process CPU time per operation: pgjdbc alone on the"
                        + " direct path, pgjdbc plus the front end on the proxied paths (PostgreSQL's own CPU is not"
                        + " included).\n\n");
            }

            if (coldStarts.size > 0 || newClusters.size > 0) {
                md.append("### Startup\n\n");
                md.append("| Measurement | n | median ms | p90 ms | min ms | max ms | samples ms |\n");
                md.append("|---|---:|---:|---:|---:|---:|---|\n");
                timing(md, "Cold `DsqlLocal.builder().start()` (TLS on, new temp data dir, initdb)", coldStarts);
                timing(md, "`newCluster()`", newClusters);
                timing(md, "`DsqlCluster.close()` (drop, not a target)", clusterCloses);
                timing(md, "`DsqlLocal.close()` (not a target)", stops);
                md.append('\n');
                md.append(String.format(Locale.ROOT,
                        "Measurements repeated because other processes were using the CPU: %d.%n%n", startupRepeats));
            }
            return md.toString();
        }

        private static void cellRow(StringBuilder md, Cell cell, String path, Measurement m, String ratio) {
            double min = m.roundRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = m.roundRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f–%,.0f | %.0f | %.0f | %.1f | %s |%n",
                    cell.workload.label, cell.threads, path, m.opsPerSecond(), min, max,
                    m.percentileMicros(0.50), m.percentileMicros(0.99), m.cpuMicrosPerOp(), ratio));
        }

        private static void timing(StringBuilder md, String what, LongArray samples) {
            if (samples.size == 0) {
                return;
            }
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < samples.size; i++) {
                list.append(i == 0 ? "" : ", ").append(Math.round(samples.values[i] / 1e6));
            }
            String listed = samples.size <= 5 ? list.toString() : "";
            LongArray copy = new LongArray(samples.size);
            copy.addAll(samples);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %s |%n", what, samples.size,
                    copy.percentile(0.5) / 1e6, copy.percentile(0.9) / 1e6, copy.percentile(1e-9) / 1e6,
                    copy.percentile(1.0) / 1e6, listed));
        }

        private static void row(StringBuilder md, String fact, String value) {
            md.append("| ").append(fact).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
        }

        /** Where DSQL Local's classes came from and, best effort, the git commit of the working directory. */
        private static String codeUnderTest() {
            String location;
            try {
                location = Path.of(DsqlLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (Exception | Error e) {
                location = "unknown location";
            }
            String commit = System.getProperty("bench.codeVersion");
            if (commit == null) {
                String head = git("rev-parse", "--short", "HEAD");
                if (head != null) {
                    // --no-optional-locks: never take the index lock of a tree others are working in.
                    String changes = git("--no-optional-locks", "status", "--porcelain", "--untracked-files=no");
                    commit = "git " + head + (changes == null || changes.isEmpty() ? "" : " with uncommitted changes");
                }
            }
            return (commit == null ? "" : commit + ", ") + "classes from " + location;
        }

        private static String git(String... args) {
            try {
                List<String> command = new ArrayList<>(List.of("git"));
                command.addAll(List.of(args));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return process.waitFor() == 0 ? output : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private static String cpuModel() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux, or not readable
            }
            return null;
        }
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static void progress(String message) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
