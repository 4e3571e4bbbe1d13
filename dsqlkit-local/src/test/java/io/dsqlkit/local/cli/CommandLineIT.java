package io.dsqlkit.local.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user runs it: a separate JVM that prints "listening on", serves clients
 * with TLS and tokens, keeps data in --data-dir across restarts, and on SIGTERM leaves no
 * PostgreSQL process behind.
 */
class CommandLineIT {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DsqlLocalMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads output until the "listening on" line; returns every line read. */
    private static List<String> awaitListening(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("listening on")) {
                // keep draining in the background so the child never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return lines;
            }
        }
        throw new AssertionError("dsql-local exited without listening:\n" + String.join("\n", lines));
    }

    /** pg_ctl daemonizes the postmaster, so its pid comes from postmaster.pid, not the process tree. */
    private static void stopAndCheckNoPostgresLeft(Process process, Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("pgdata").resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        assertThat(handle.isAlive()).isTrue();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        handle.onExit().get(30, TimeUnit.SECONDS);
        assertThat(handle.isAlive()).as("postmaster %s after SIGTERM", postmaster).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    private static String query(int port, Path ca, String sql, String akid, String secret) throws Exception {
        String token = DsqlLocalMain.token(List.of("--iam-key", akid + ":" + secret, "--host", "localhost"));
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", token);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=verify-full&sslrootcert=" + ca;
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void servesWithTlsAndTokensAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("dsql-local-cli");
        int port = freePort();
        String[] args = {"--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--iam-key", "AKIACLITEST000000001:cli-secret"};
        Process first = launch(args);
        try {
            List<String> lines = awaitListening(first);
            assertThat(lines).anyMatch(l -> l.contains("listening on 127.0.0.1:" + port));
            Path ca = dataDir.resolve("tls").resolve("dsql-local-ca.pem");
            assertThat(ca).exists();
            query(port, ca, "create table kept (id bigint primary key, note text)", "AKIACLITEST000000001", "cli-secret");
            query(port, ca, "insert into kept values (1, 'survives a restart')", "AKIACLITEST000000001", "cli-secret");
        } finally {
            stopAndCheckNoPostgresLeft(first, dataDir);
        }

        Process second = launch(args);
        try {
            awaitListening(second);
            Path ca = dataDir.resolve("tls").resolve("dsql-local-ca.pem");
            assertThat(query(port, ca, "select note from kept where id = 1", "AKIACLITEST000000001", "cli-secret"))
                    .isEqualTo("survives a restart");
        } finally {
            stopAndCheckNoPostgresLeft(second, dataDir);
        }
    }

    @Test
    void badArgumentsExitWithUsage() throws Exception {
        Process process = launch("--port", "not-a-number");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port needs a number, got not-a-number").contains("usage: dsql-local");
    }
}
