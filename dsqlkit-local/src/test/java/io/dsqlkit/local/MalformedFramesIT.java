package io.dsqlkit.local;

import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.ServerError;
import io.dsqlkit.local.testing.WireClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken clients, with a hand-written wire client: each bad frame ends its own
 * connection with a protocol error, and the server keeps serving everyone else.
 */
class MalformedFramesIT {
    private static DsqlLocal plain;
    private static DsqlLocal tls;

    @BeforeAll
    static void start() {
        plain = DsqlLocal.builder().tls(false).maxFrameBytes(1 << 20).start();
        tls = DsqlLocal.builder().start();
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    private static WireClient loggedIn() throws IOException {
        DsqlCluster cluster = plain.defaultCluster();
        WireClient client = WireClient.connect(cluster.host(), cluster.port());
        List<Frame> frames = client.login("admin", cluster.token("admin"));
        assertThat(frames.get(frames.size() - 1).typeChar()).isEqualTo('Z');
        return client;
    }

    @Test
    void loginPresentsOurOwnKeyDataAndDsqlParameters() throws IOException {
        DsqlCluster cluster = plain.defaultCluster();
        try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
            List<Frame> frames = client.login("admin", cluster.token("admin"));
            assertThat(frames.get(0).typeChar()).isEqualTo('R');
            assertThat(frames.get(0).int32(0)).isZero();
            assertThat(frames).anySatisfy(f -> {
                assertThat(f.typeChar()).isEqualTo('S');
                assertThat(f.cString(0)).isEqualTo("server_version");
                assertThat(f.cString(f.afterCString(0))).isEqualTo("16.15");
            });
            assertThat(frames).anySatisfy(f -> {
                assertThat(f.typeChar()).isEqualTo('S');
                assertThat(f.cString(0)).isEqualTo("TimeZone");
                assertThat(f.cString(f.afterCString(0))).isEqualTo("UTC");
            });
            assertThat(frames).filteredOn(f -> f.typeChar() == 'K').hasSize(1);
        }
    }

    @Test
    void unknownMessageTypeEndsTheConnectionWith08P01() throws IOException {
        try (WireClient client = loggedIn()) {
            client.send(WireClient.message('!', new byte[3]));
            ServerError error = WireClient.error(client.read());
            assertThat(error.severity()).isEqualTo("FATAL");
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(error.message()).isEqualTo("invalid frontend message type 33");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedLengthEndsTheConnectionWithoutReadingIt() throws IOException {
        try (WireClient client = loggedIn()) {
            client.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(Integer.MAX_VALUE).array());
            ServerError error = WireClient.error(client.read());
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(error.message()).isEqualTo("invalid message length");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    /**
     * DSQL's maximum message size is 10 MiB (UG quotas), the default limit: pgjdbc's Parse of
     * exactly that size runs, and a header announcing one byte more ends the connection with DSQL's
     * FATAL before any payload is read.
     */
    @Test
    void messagesUpToTenMebibytesPassAndLargerOnesEndTheConnection() throws Exception {
        int limit = 10 * 1024 * 1024;
        DsqlCluster cluster = tls.defaultCluster();
        // Parse payload: "" NUL, the query, NUL, int16 parameter count = query length + 4 bytes.
        String prefix = "select length('";
        String suffix = "')";
        int filler = limit - 4 - prefix.length() - suffix.length();
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(prefix + "x".repeat(filler) + suffix)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(filler);
        }
        try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
            client.startTls(tls.clientSslContext(), "localhost");
            List<Frame> frames = client.login("admin", cluster.token("admin"));
            assertThat(frames.get(frames.size() - 1).typeChar()).isEqualTo('Z');
            client.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(4 + limit + 1).array());
            ServerError error = WireClient.error(client.read());
            assertThat(error.severity()).isEqualTo("FATAL");
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(error.message()).isEqualTo("invalid message length");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void badStartupLengthEndsTheConnection() throws IOException {
        DsqlCluster cluster = plain.defaultCluster();
        try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
            client.send(ByteBuffer.allocate(8).putInt(1_000_000).putInt(196608).array());
            ServerError error = WireClient.error(client.read());
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(error.message()).isEqualTo("invalid length of startup packet");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void newerProtocolMinorVersionIsNegotiatedDown() throws IOException {
        DsqlCluster cluster = plain.defaultCluster();
        try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
            client.send(WireClient.startupMessage(196610, "user", "admin", "database", "postgres", "_pq_.future", "1"));
            Frame negotiate = client.read();
            assertThat(negotiate.typeChar()).isEqualTo('v');
            assertThat(negotiate.int32(0)).isZero();
            assertThat(negotiate.int32(4)).isEqualTo(1);
            assertThat(negotiate.cString(8)).isEqualTo("_pq_.future");
            Frame auth = client.read();
            assertThat(auth.typeChar()).isEqualTo('R');
            assertThat(auth.int32(0)).isEqualTo(3);
        }
    }

    @Test
    void protocolVersion2IsRefused() throws IOException {
        DsqlCluster cluster = plain.defaultCluster();
        try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
            client.send(WireClient.startupMessage(131072, "user", "admin"));
            ServerError error = WireClient.error(client.read());
            assertThat(error.sqlState()).isEqualTo("0A000");
            assertThat(error.message()).isEqualTo("unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
        }
    }

    @Test
    void aBrokenNeighbourDoesNotDisturbAnOpenSession() throws Exception {
        try (Connection healthy = plain.defaultCluster().connect(); Statement s = healthy.createStatement()) {
            s.execute("create table survivors (id bigint primary key)");
            try (WireClient broken = loggedIn()) {
                broken.send(WireClient.message('Q', "select 1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                broken.send(new byte[] {'Q', 0, 0});
            }
            s.execute("insert into survivors values (1)");
            try (ResultSet rs = s.executeQuery("select count(*) from survivors")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    /** Thousands of garbage and truncated frames, each on its own connection, then a normal client. */
    @Test
    void thousandsOfGarbageConnectionsLeaveTheServerServing() throws Exception {
        DsqlCluster cluster = plain.defaultCluster();
        Random random = new Random(42);
        int connections = 2000;
        for (int i = 0; i < connections; i++) {
            try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
                switch (i % 5) {
                    case 0 -> { // random garbage as the first packet
                        byte[] garbage = new byte[1 + random.nextInt(64)];
                        random.nextBytes(garbage);
                        client.send(garbage);
                    }
                    case 1 -> // truncated startup packet, then hang up
                        client.send(java.util.Arrays.copyOf(
                                WireClient.startupMessage(196608, "user", "admin", "database", "postgres"), 11));
                    case 2 -> { // after login: a frame cut short
                        try (WireClient logged = loggedIn()) {
                            logged.send(new byte[] {'P', 0, 0, 0, 100, 'x'});
                        }
                    }
                    case 3 -> // startup with a negative length
                        client.send(ByteBuffer.allocate(8).putInt(-5).putInt(196608).array());
                    default -> { // a password message before any startup
                        client.send(WireClient.message('p', WireClient.cStrings("x")));
                    }
                }
            } catch (IOException ignored) {
                // the server may close first; what matters is what comes after
            }
        }
        ConnectionLimitsIT.waitUntil(() -> plain.openConnections() == 0);
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 42")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void garbageOverTlsEndsOnlyThatConnection() throws Exception {
        DsqlCluster cluster = tls.defaultCluster();
        for (int i = 0; i < 200; i++) {
            try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
                client.startTls(tls.clientSslContext(), "localhost");
                client.send(new byte[] {'X', 'Y', 'Z', 0, 1, 2, 3, 4, 5});
                client.closedByServer();
            } catch (IOException ignored) {
                // expected for some shapes of garbage
            }
            // A raw TLS ClientHello fragment that never completes.
            try (WireClient client = WireClient.connect(cluster.host(), cluster.port())) {
                client.send(new byte[] {0x16, 0x03, 0x01, 0x00});
            } catch (IOException ignored) {
                // expected
            }
        }
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 7")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }
}
