package io.dsqlkit.local.conformance;

import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.conformance.ProbeFile.Probe;
import io.dsqlkit.local.conformance.ProbeRunner.Failure;
import io.dsqlkit.local.conformance.ProbeRunner.Outcome;
import io.dsqlkit.local.conformance.ProbeRunner.Transport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every conformance probe (pending ones included) against a DSQL Local of its own and prints a
 * table per group: probes, pending, passed on the raw wire transport, passed on pgjdbc; then every
 * failure with expected vs actual, and the pending markers that no longer match reality.
 *
 * <pre>
 * java ... io.dsqlkit.local.conformance.ConformanceReport [options]
 *   --group G            only this group (file name without .probes); repeatable
 *   --probe NAME         only this probe; repeatable
 *   --transport T        raw or pgjdbc (default both)
 *   --threads N          probes run in parallel (default 4)
 *   --quiet              the table only, no failure details
 *   --update-pending DIR rewrite the pending / pending-on lines of the probe files in DIR
 *                        (e.g. dsqlkit-local/src/test/resources/io/dsqlkit/local/conformance)
 *                        so that exactly the probes failing now are pending: markers of passing probes
 *                        are removed, a failing probe keeps its reason or gets its first failure as one
 * </pre>
 *
 * Exit status: 0 when every non-pending probe passed, 1 otherwise.
 */
public final class ConformanceReport {

    private ConformanceReport() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        List<Transport> transports = new ArrayList<>(List.of(Transport.values()));
        int threads = 4;
        boolean quiet = false;
        Path updateDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--group" -> groups.add(args[++i]);
                case "--probe" -> names.add(args[++i]);
                case "--transport" -> {
                    String t = args[++i];
                    transports = List.of(switch (t) {
                        case "raw" -> Transport.RAW;
                        case "pgjdbc" -> Transport.PGJDBC;
                        default -> throw new IllegalArgumentException("unknown transport " + t);
                    });
                }
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--quiet" -> quiet = true;
                case "--update-pending" -> updateDir = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("options: --group G --probe NAME --transport raw|pgjdbc --threads N --quiet --update-pending DIR");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<ProbeFile> files = ProbeFile.loadAll();
        List<Probe> selected = new ArrayList<>();
        for (ProbeFile f : files) {
            for (Probe p : f.probes()) {
                if ((groups.isEmpty() || groups.contains(p.group())) && (names.isEmpty() || names.contains(p.name()))) {
                    selected.add(p);
                }
            }
        }
        Map<Probe, Map<Transport, Outcome>> outcomes = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (DsqlLocal dsql = DsqlLocal.builder().start(); ProbeRunner runner = new ProbeRunner(dsql)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                Map<Probe, Map<Transport, Future<Outcome>>> futures = new LinkedHashMap<>();
                for (Probe p : selected) {
                    Map<Transport, Future<Outcome>> perTransport = new EnumMap<>(Transport.class);
                    for (Transport t : transports) {
                        perTransport.put(t, pool.submit(() -> runner.run(p, t)));
                    }
                    futures.put(p, perTransport);
                }
                for (var e : futures.entrySet()) {
                    Map<Transport, Outcome> perTransport = new EnumMap<>(Transport.class);
                    for (var t : e.getValue().entrySet()) {
                        perTransport.put(t.getKey(), t.getValue().get());
                    }
                    outcomes.put(e.getKey(), perTransport);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean clean = print(System.out, outcomes, transports, quiet, seconds);
        if (updateDir != null) {
            updatePending(updateDir, outcomes, transports);
        }
        System.exit(clean ? 0 : 1);
    }

    /** Prints the report; true when no non-pending probe failed. */
    static boolean print(PrintStream out, Map<Probe, Map<Transport, Outcome>> outcomes, List<Transport> transports,
                         boolean quiet, double seconds) {
        Map<String, int[]> table = new TreeMap<>();
        // per group: probes, pending (any transport), passed raw, passed pgjdbc, two-session probes
        for (var e : outcomes.entrySet()) {
            Probe p = e.getKey();
            int[] row = table.computeIfAbsent(p.group(), g -> new int[5]);
            row[0]++;
            if (p.pending() != null || !p.pendingOn().isEmpty()) {
                row[1]++;
            }
            Outcome raw = e.getValue().get(Transport.RAW);
            Outcome jdbc = e.getValue().get(Transport.PGJDBC);
            if (raw != null && raw.passed()) {
                row[2]++;
            }
            if (jdbc != null && jdbc.passed()) {
                row[3]++;
            }
        }
        String format = "%-18s %7s %8s %12s %12s%n";
        out.println();
        out.println("DSQL Local conformance (" + outcomes.size() + " probes, " + String.format("%.1f", seconds) + " s)");
        out.printf(format, "group", "probes", "pending", "passed raw", "passed jdbc");
        out.printf(format, "-".repeat(18), "-".repeat(7), "-".repeat(8), "-".repeat(12), "-".repeat(12));
        int[] total = new int[5];
        for (var e : table.entrySet()) {
            int[] r = e.getValue();
            out.printf(format, e.getKey(), r[0], r[1], cell(r[2], r[0], transports.contains(Transport.RAW)),
                    cell(r[3], r[0], transports.contains(Transport.PGJDBC)));
            for (int i = 0; i < r.length; i++) {
                total[i] += r[i];
            }
        }
        out.printf(format, "-".repeat(18), "-".repeat(7), "-".repeat(8), "-".repeat(12), "-".repeat(12));
        out.printf(format, "total", total[0], total[1], cell(total[2], total[0], transports.contains(Transport.RAW)),
                cell(total[3], total[0], transports.contains(Transport.PGJDBC)));

        Map<ProbeRunner.Cause, Integer> causes = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        for (var e : outcomes.entrySet()) {
            Probe p = e.getKey();
            for (Outcome o : e.getValue().values()) {
                String pending = p.pendingReason(o.transport().id());
                if (!o.passed()) {
                    causes.merge(o.firstFailure().cause(), 1, Integer::sum);
                    if (pending == null) {
                        unexpected.add(p.group() + "/" + p.name() + " [" + o.transport().id() + "]");
                    }
                } else if (pending != null) {
                    nowPassing.add(p.group() + "/" + p.name() + " [" + o.transport().id() + "]");
                }
            }
        }
        if (!causes.isEmpty()) {
            out.println();
            out.println("failures by cause (probe x transport):");
            causes.forEach((c, n) -> out.printf("  %-22s %4d  %s%n", c.name(), n, c.description()));
        }
        if (!quiet) {
            String group = null;
            for (var e : outcomes.entrySet()) {
                Probe p = e.getKey();
                for (Outcome o : e.getValue().values()) {
                    if (o.passed()) {
                        continue;
                    }
                    if (!p.group().equals(group)) {
                        group = p.group();
                        out.println();
                        out.println("== " + group);
                    }
                    String pending = p.pendingReason(o.transport().id());
                    out.println("- " + p.name() + " [" + o.transport().id() + "] " + p.location()
                            + (pending != null ? "  (pending)" : "  (NOT PENDING)"));
                    for (Failure f : o.failures()) {
                        out.println("    " + f);
                    }
                }
            }
        }
        out.println();
        out.println("failing but not marked pending: " + (unexpected.isEmpty() ? "none" : unexpected.size()));
        unexpected.forEach(s -> out.println("  " + s));
        out.println("marked pending but passing now: " + (nowPassing.isEmpty() ? "none" : nowPassing.size()));
        nowPassing.forEach(s -> out.println("  " + s));
        return unexpected.isEmpty();
    }

    private static String cell(int passed, int total, boolean ran) {
        return ran ? passed + "/" + total : "-";
    }

    /**
     * Rewrites the pending markers in the probe files under {@code dir}: every probe that ran gets
     * {@code pending REASON} if it failed on every transport that ran, {@code pending-on T REASON} if it
     * failed on one only, and no marker if it passed. Probes that did not run are left alone.
     */
    static void updatePending(Path dir, Map<Probe, Map<Transport, Outcome>> outcomes, List<Transport> transports)
            throws IOException {
        Map<String, Map<String, List<String>>> markersByFile = new LinkedHashMap<>();
        for (var e : outcomes.entrySet()) {
            Probe p = e.getKey();
            // reason per failing transport: from this run, or kept from the file for a transport that did not run
            Map<Transport, String> failing = new EnumMap<>(Transport.class);
            for (Transport t : Transport.values()) {
                Outcome o = e.getValue().get(t);
                if (o != null && !o.passed()) {
                    // a reason written earlier (perhaps by hand) is kept while the probe still fails
                    String kept = p.pendingReason(t.id());
                    failing.put(t, kept != null ? kept : o.firstFailure().summary());
                } else if (o == null && p.pendingReason(t.id()) != null) {
                    failing.put(t, p.pendingReason(t.id()));
                }
            }
            List<String> markers = new ArrayList<>();
            if (failing.size() == Transport.values().length) {
                markers.add("pending " + failing.values().iterator().next());
            } else {
                failing.forEach((t, reason) -> markers.add("pending-on " + t.id() + " " + reason));
            }
            markersByFile.computeIfAbsent(p.source(), s -> new LinkedHashMap<>()).put(p.name(), markers);
        }
        for (var f : markersByFile.entrySet()) {
            Path file = dir.resolve(f.getKey());
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            String current = null;
            for (String line : lines) {
                String s = line.strip();
                if (s.startsWith("probe ")) {
                    current = s.substring(6).strip();
                    out.add(line);
                    List<String> markers = f.getValue().get(current);
                    if (markers != null) {
                        for (String m : markers) {
                            out.add("  " + m);
                        }
                    }
                    continue;
                }
                if (current != null && f.getValue().containsKey(current)
                        && (s.startsWith("pending ") || s.startsWith("pending-on "))) {
                    continue;
                }
                out.add(line);
            }
            if (!out.equals(lines)) {
                Files.write(file, out, StandardCharsets.UTF_8);
                System.out.println("updated pending markers in " + file);
            }
        }
    }
}
