package io.dsqlkit.local.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects pgJDBC with {@code sslmode=verify-full&sslrootcert=<caCertificateFile()>} to a minimal
 * server that performs the TLS part of the PostgreSQL handshake and then refuses the startup
 * message with a marker error. Seeing the marker proves certificate and host-name verification passed.
 */
class PgjdbcVerifyFullTest {

    static final String MARKER = "tls verified by fake server";
    static final int SSL_REQUEST = 80877103;
    static final int GSSENC_REQUEST = 80877104;
    static final ExecutorService SERVER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-pg-server");
        thread.setDaemon(true);
        return thread;
    });

    @TempDir
    Path dir;

    @AfterAll
    static void stopServers() {
        SERVER_THREADS.shutdownNow();
    }

    /** What the fake server saw: how TLS was negotiated and which ALPN protocol was selected. */
    record Seen(boolean direct, String applicationProtocol) {
    }

    static Seen serveOne(ServerSocket listener, SSLContext tls) throws IOException {
        try (Socket plain = listener.accept()) {
            plain.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(plain.getInputStream());
            while (true) {
                int first = in.readUnsignedByte();
                InputStream consumed;
                boolean direct = first == 0x16;
                if (direct) {
                    // A TLS record header instead of a length: PG17-style direct TLS.
                    consumed = new ByteArrayInputStream(new byte[] {0x16});
                } else {
                    int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort();
                    int code = in.readInt();
                    if (length == 8 && code == GSSENC_REQUEST) {
                        plain.getOutputStream().write('N');
                        continue;
                    }
                    if (length != 8 || code != SSL_REQUEST) {
                        throw new IOException("expected SSLRequest, got length " + length + " code " + code);
                    }
                    plain.getOutputStream().write('S');
                    plain.getOutputStream().flush();
                    consumed = null;
                }
                try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, consumed, true)) {
                    socket.startHandshake();
                    DataInputStream startup = new DataInputStream(socket.getInputStream());
                    startup.readFully(new byte[startup.readInt() - 4]);
                    socket.getOutputStream().write(errorResponse("28000", MARKER));
                    socket.getOutputStream().flush();
                    return new Seen(direct, socket.getApplicationProtocol());
                }
            }
        }
    }

    static byte[] errorResponse(String sqlState, String message) throws IOException {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (String field : List.of("SFATAL", "VFATAL", "C" + sqlState, "M" + message)) {
            fields.write(field.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte('E');
        data.writeInt(fields.size() + 4);
        data.write(fields.toByteArray());
        return out.toByteArray();
    }

    /** Connects and returns the driver's error together with what the server saw (null if it failed). */
    static Object[] connect(SSLContext serverTls, String host, Path rootCert, String negotiation) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Seen> server = SERVER_THREADS.submit(() -> {
                try {
                    return serveOne(listener, serverTls);
                } catch (IOException e) {
                    return null;
                }
            });
            Properties props = new Properties();
            props.setProperty("user", "admin");
            props.setProperty("password", "unused");
            props.setProperty("sslmode", "verify-full");
            props.setProperty("sslrootcert", rootCert.toString());
            props.setProperty("sslNegotiation", negotiation);
            props.setProperty("connectTimeout", "10");
            String url = "jdbc:postgresql://" + host + ":" + listener.getLocalPort() + "/postgres";
            SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, props).close());
            return new Object[] {error, server.get(10, TimeUnit.SECONDS)};
        }
    }

    @Test
    void verifyFullSucceedsForLocalhostAndLoopbackIp() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, List.of("localhost"),
                List.of("127.0.0.1"));
        for (String host : List.of("localhost", "127.0.0.1")) {
            Object[] result = connect(ca.serverContext(), host, ca.caCertificateFile(), "postgres");
            SQLException error = (SQLException) result[0];
            assertTrue(error.getMessage().contains(MARKER), host + ": " + error);
            assertEquals("28000", error.getSQLState());
            assertEquals(new Seen(false, ""), result[1]);
        }
    }

    @Test
    void directTlsNegotiatesPostgresqlAlpn() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, List.of("localhost"),
                List.of("127.0.0.1"));
        Object[] result = connect(ca.serverContext(), "localhost", ca.caCertificateFile(), "direct");
        SQLException error = (SQLException) result[0];
        assertTrue(error.getMessage().contains(MARKER), error.toString());
        assertEquals(new Seen(true, "postgresql"), result[1]);
    }

    @Test
    void verifyFullFailsWithAnotherCa() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("a"), List.of("localhost"),
                List.of("127.0.0.1"));
        LocalCertificateAuthority other = LocalCertificateAuthority.loadOrCreate(dir.resolve("b"), List.of("localhost"),
                List.of("127.0.0.1"));
        Object[] result = connect(ca.serverContext(), "localhost", other.caCertificateFile(), "postgres");
        SQLException error = (SQLException) result[0];
        assertFalse(error.getMessage().contains(MARKER), error.toString());
        assertTrue(hasCause(error, SSLHandshakeException.class), error.toString());
    }

    @Test
    void verifyFullFailsForHostOutsideTheCertificate() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, List.of("db.example"),
                List.of("::1"));
        Object[] result = connect(ca.serverContext(), "127.0.0.1", ca.caCertificateFile(), "postgres");
        SQLException error = (SQLException) result[0];
        assertFalse(error.getMessage().contains(MARKER), error.toString());
        assertTrue(error.getMessage().contains("127.0.0.1"), error.toString());
    }

    static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
