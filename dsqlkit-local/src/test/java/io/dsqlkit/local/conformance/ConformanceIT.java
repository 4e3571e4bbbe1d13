package io.dsqlkit.local.conformance;

import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.conformance.ProbeFile.Probe;
import io.dsqlkit.local.conformance.ProbeFile.ProbeSyntaxException;
import io.dsqlkit.local.conformance.ProbeRunner.Outcome;
import io.dsqlkit.local.conformance.ProbeRunner.Transport;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DSQL conformance: every probe of {@code src/test/resources/io/dsqlkit/local/conformance/*.probes}
 * (statements and outcomes recorded against real Aurora DSQL clusters, or documented by AWS) runs
 * on a fresh cluster over the raw wire client and over pgjdbc, one dynamic test per probe and
 * transport. Probes marked {@code pending} are known gaps of DSQL Local: they are skipped here with
 * their reason (ConformanceReport still runs them). Per-group counts are printed at the end.
 *
 * <p>The probes are started in the background as soon as the tests are listed, on
 * {@code -Ddsqlkit.conformance.threads} threads (default 4); each dynamic test waits for its own.
 */
@DsqlLocalTest
class ConformanceIT {
    /** Per group: [ran raw, passed raw, pending raw, ran pgjdbc, passed pgjdbc, pending pgjdbc]. */
    private static final Map<String, AtomicIntegerArray> TALLY = new ConcurrentSkipListMap<>();
    private static ProbeRunner runner;
    private static ExecutorService pool;

    @TestFactory
    Stream<DynamicNode> probes(DsqlLocal dsql) {
        runner = new ProbeRunner(dsql);
        pool = Executors.newFixedThreadPool(Integer.getInteger("dsqlkit.conformance.threads", 4));
        List<ProbeFile> files = ProbeFile.loadAll();
        List<DynamicNode> groups = new ArrayList<>();
        for (ProbeFile file : files) {
            List<DynamicTest> tests = new ArrayList<>();
            for (Probe probe : file.probes()) {
                for (Transport transport : Transport.values()) {
                    Future<Outcome> outcome = probe.pendingReason(transport.id()) == null
                            ? pool.submit(() -> runner.run(probe, transport)) : null;
                    tests.add(test(probe, transport, outcome));
                }
            }
            groups.add(DynamicContainer.dynamicContainer(file.group() + " (" + file.probes().size() + " probes)",
                    resource(file.source(), 1), tests.stream()));
        }
        return groups.stream();
    }

    private static DynamicTest test(Probe probe, Transport transport, Future<Outcome> running) {
        return DynamicTest.dynamicTest(probe.name() + " [" + transport.id() + "]",
                resource(probe.source(), probe.line()), () -> {
                    AtomicIntegerArray tally = TALLY.computeIfAbsent(probe.group(), g -> new AtomicIntegerArray(6));
                    int base = transport == Transport.RAW ? 0 : 3;
                    String pending = probe.pendingReason(transport.id());
                    if (pending != null) {
                        tally.incrementAndGet(base + 2);
                        Assumptions.abort("pending: " + pending);
                    }
                    tally.incrementAndGet(base);
                    Outcome outcome = running.get();
                    if (!outcome.passed()) {
                        StringBuilder message = new StringBuilder(probe.location() + " " + probe.name() + " failed on "
                                + transport.id() + " (mark it 'pending' if this is a known gap):");
                        outcome.failures().forEach(f -> message.append("\n  ").append(f));
                        Assertions.fail(message.toString());
                    }
                    tally.incrementAndGet(base + 1);
                });
    }

    private static URI resource(String source, int line) {
        return URI.create("classpath:/" + ProbeFile.RESOURCE_DIR + "/" + source + "?line=" + line);
    }

    @AfterAll
    static void summary() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (runner != null) {
            runner.close();
        }
        if (TALLY.isEmpty()) {
            return;
        }
        String format = "%-18s %14s %14s%n";
        StringBuilder out = new StringBuilder("\nDSQL conformance (passed/ran, pending skipped)\n");
        out.append(String.format(format, "group", "raw", "pgjdbc"));
        int[] total = new int[6];
        TALLY.forEach((group, t) -> {
            out.append(String.format(format, group,
                    t.get(1) + "/" + t.get(0) + " +" + t.get(2) + "p", t.get(4) + "/" + t.get(3) + " +" + t.get(5) + "p"));
            for (int i = 0; i < 6; i++) {
                total[i] += t.get(i);
            }
        });
        out.append(String.format(format, "total",
                total[1] + "/" + total[0] + " +" + total[2] + "p", total[4] + "/" + total[3] + " +" + total[5] + "p"));
        System.out.println(out);
    }

    @Test
    void probeFilesParseAndNamesAreUnique() {
        List<ProbeFile> files = ProbeFile.loadAll();
        assertThat(files).isNotEmpty();
        assertThat(files.stream().mapToInt(f -> f.probes().size()).sum()).isGreaterThanOrEqualTo(250);
    }

    @Test
    void malformedProbeFilesFailWithFileAndLine() {
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nok SELECT 1\nfrobnicate 3\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessage("x.probes:4: unknown keyword 'frobnicate'");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "a> SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:1: ");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nerror 0A00 nope\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:3: ");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:2: step has no expected outcome");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nok SELECT 1\nok SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:2: a single-statement step");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nok SELECT 1\ncolumns a\nrow 1 | 2\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:5: ");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na>> SELECT 1; SELECT 1/0\n...\nok SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:3: ");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nok SELECT 1\nprobe p\na> SELECT 1\nok SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:4: probe 'p' already defined");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT '${job}'\nok SELECT 1\nany-rows\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessage("x.probes:2: ${job} is not captured by an earlier step");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\na> SELECT 1\nok SELECT 2\ncolumns a\nrow 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:3: tag 'SELECT 2' counts 2 rows");
        assertThatThrownBy(() -> ProbeFile.parse("x.probes", "probe p\n| SELECT 1\n"))
                .isInstanceOf(ProbeSyntaxException.class).hasMessageStartingWith("x.probes:2: ");

        ProbeFile ok = ProbeFile.parse("g.probes", String.join("\n",
                "probe q",
                "  pending-on pgjdbc why",
                "  setup CREATE TABLE t (id int,",
                "  |   v text)",
                "  a>> SELECT 1 AS a; SELECT NULL::text AS \"b|c\"",
                "  ok SELECT 1",
                "  columns a",
                "  row 1",
                "  ok SELECT 1",
                "  columns b\\|c",
                "  row \\N",
                "  b> CREATE INDEX ASYNC i ON t (id)",
                "  ok CREATE INDEX",
                "  columns job_id",
                "  row any-job-id",
                "  capture job"));
        Probe q = ok.probes().get(0);
        assertThat(ok.group()).isEqualTo("g");
        assertThat(q.setup()).containsExactly("CREATE TABLE t (id int,\n  v text)");
        assertThat(q.pendingReason("pgjdbc")).isEqualTo("why");
        assertThat(q.pendingReason("raw")).isNull();
        assertThat(q.steps()).hasSize(2);
        assertThat(q.steps().get(0).expected()).hasSize(2);
        assertThat(q.steps().get(0).expected().get(1).columns()).containsExactly("b|c");
        assertThat(q.steps().get(0).expected().get(1).rows()).hasSize(1);
        assertThat(q.steps().get(0).expected().get(1).rows().get(0)).containsExactly((String) null);
        assertThat(q.steps().get(1).capture()).isEqualTo("job");
    }
}
