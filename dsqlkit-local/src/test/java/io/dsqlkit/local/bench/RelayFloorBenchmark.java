package io.dsqlkit.local.bench;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor under {@link ProxyBenchmark}'s ratio: what relaying costs on this machine with no DSQL
 * logic at all. Point selects by primary key (pgjdbc, prepared) over four paths to one embedded
 * PostgreSQL: direct; a byte relay with a thread per direction (blocking sockets, the shape of any
 * thread-per-connection front end); a byte relay on one NIO event loop; and DSQL Local without TLS.
 * The byte relays forward TCP to PostgreSQL's TCP port and parse nothing. Paths run one at a time,
 * in rotating order, for several rounds; it prints a Markdown table and asserts nothing.
 *
 * <pre>
 * mvn -q -pl dsqlkit-local -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.dsqlkit.local.bench.RelayFloorBenchmark [-Dbench.threads=1,4 -Dbench.duration=5 -Dbench.rounds=3]
 * </pre>
 */
public final class RelayFloorBenchmark {
    private static final int ROWS = 10_000;

    private RelayFloorBenchmark() {
    }

    @FunctionalInterface
    private interface Opener {
        Connection open() throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int[] threadCounts = java.util.Arrays.stream(System.getProperty("bench.threads", "1,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("bench.duration", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (DsqlLocal dsql = DsqlLocal.builder().tls(false).start()) {
            DsqlCluster cluster = dsql.defaultCluster();
            String backing = cluster.backingJdbcUrl() + "&sslmode=disable";
            prepareTable(cluster, backing);
            URI uri = URI.create(cluster.backingJdbcUrl().substring("jdbc:".length()));
            InetSocketAddress postgres = new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort());
            String pathAndQuery = uri.getRawPath() + "?" + uri.getRawQuery() + "&sslmode=disable";
            int threaded = startThreadedRelay(postgres);
            int eventLoop = startEventLoopRelay(postgres);
            Map<String, Opener> paths = new LinkedHashMap<>();
            paths.put("direct", () -> DriverManager.getConnection(backing));
            paths.put("byte relay, thread per direction",
                    () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + threaded + pathAndQuery));
            paths.put("byte relay, one NIO event loop",
                    () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + eventLoop + pathAndQuery));
            paths.put("DSQL Local, no TLS", cluster::connect);

            StringBuilder md = new StringBuilder("| Threads | Path | ops/s (mean of rounds) | ops/s per round | ÷ direct |\n"
                    + "|---:|---|---:|---|---:|\n");
            for (int threads : threadCounts) {
                Map<String, List<Double>> results = new LinkedHashMap<>();
                paths.keySet().forEach(p -> results.put(p, new ArrayList<>()));
                List<String> order = new ArrayList<>(paths.keySet());
                for (int round = 0; round < rounds; round++) {
                    for (String path : order) {
                        results.get(path).add(pointSelects(paths.get(path), threads, seconds));
                    }
                    order.add(order.remove(0)); // rotate, so drift is shared
                }
                double direct = mean(results.get("direct"));
                for (Map.Entry<String, List<Double>> e : results.entrySet()) {
                    double m = mean(e.getValue());
                    md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %s | %.2f |%n", threads, e.getKey(), m,
                            e.getValue().stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList(), m / direct));
                }
            }
            System.out.println(md);
        }
    }

    private static void prepareTable(DsqlCluster cluster, String backing) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench");
            s.execute("create table bench (id integer primary key, name text not null)");
        }
        // The superuser is not row-limited; the table stays the cluster admin's.
        try (Connection c = DriverManager.getConnection(backing); Statement s = c.createStatement()) {
            s.execute("insert into bench select g, 'name-' || g from generate_series(1, " + ROWS + ") g");
            s.execute("analyze bench");
        }
    }

    /** Point selects per second over {@code seconds}, after 2 s of warm-up, one connection per thread. */
    private static double pointSelects(Opener opener, int threads, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = opener.open(); PreparedStatement p = c.prepareStatement("select name from bench where id = ?")) {
                    while (!stop.get()) {
                        p.setInt(1, 1 + ThreadLocalRandom.current().nextInt(ROWS));
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                        }
                        if (measuring.get()) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(t);
            t.start();
        }
        Thread.sleep(2000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
        return done.sum() / (elapsed / 1e9);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    // ------------------------------------------------------------------ the two byte relays

    /** Blocking sockets, one thread per direction: each message costs the relay a wake-up. */
    private static int startThreadedRelay(InetSocketAddress postgres) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (true) {
                try {
                    Socket client = server.accept();
                    Socket backend = new Socket(postgres.getAddress(), postgres.getPort());
                    client.setTcpNoDelay(true);
                    backend.setTcpNoDelay(true);
                    daemon(() -> pump(client, backend));
                    daemon(() -> pump(backend, client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException ignored) {
            // either side closed
        } finally {
            close(from);
            close(to);
        }
    }

    /** One selector thread for every connection, both directions: a busy loop takes many messages per wake-up. */
    private static int startEventLoopRelay(InetSocketAddress postgres) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        daemon(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            while (true) {
                try {
                    selector.select();
                } catch (IOException e) {
                    return;
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            SocketChannel client = server.accept();
                            SocketChannel backend = SocketChannel.open(postgres);
                            for (SocketChannel ch : List.of(client, backend)) {
                                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                                ch.configureBlocking(false);
                            }
                            client.register(selector, SelectionKey.OP_READ, backend);
                            backend.register(selector, SelectionKey.OP_READ, client);
                        } else if (key.isReadable()) {
                            SocketChannel from = (SocketChannel) key.channel();
                            SocketChannel to = (SocketChannel) key.attachment();
                            buffer.clear();
                            if (from.read(buffer) < 0) {
                                throw new IOException("closed");
                            }
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                to.write(buffer); // small messages: the peer's buffer has room
                            }
                        }
                    } catch (IOException e) {
                        key.cancel();
                        close(key.channel());
                        if (key.attachment() instanceof SocketChannel peer) {
                            close(peer);
                        }
                    }
                }
            }
        });
        return server.socket().getLocalPort();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "relay-floor");
        t.setDaemon(true);
        t.start();
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
