package io.dsqlkit.local.internal.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {

    static final List<String> DNS = List.of("localhost", "*.dsql.us-east-1.on.aws");
    static final List<String> IPS = List.of("127.0.0.1", "::1");
    static final ExecutorService SERVER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tls-test-server");
        thread.setDaemon(true);
        return thread;
    });

    @TempDir
    Path dir;

    @AfterAll
    static void stopServers() {
        SERVER_THREADS.shutdownNow();
    }

    /** What pgJDBC's LibPQFactory does with sslrootcert: trust exactly the certificates in the PEM file. */
    static SSLContext clientTrustingOnly(Path pemFile) throws Exception {
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        try (InputStream in = Files.newInputStream(pemFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trustStore.setCertificateEntry("ca" + i++, certificate);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    record Handshake(String protocol, String applicationProtocol) {
    }

    /**
     * Runs one handshake over loopback. The client verifies {@code host} like HTTPS (SAN match) while
     * always connecting to 127.0.0.1, so names that do not resolve can still be checked.
     */
    static Handshake handshake(SSLContext server, SSLContext client, String host, String[] clientProtocols,
            String[] clientAlpn) throws Exception {
        try (SSLServerSocket serverSocket = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> accepted = SERVER_THREADS.submit(() -> {
                try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    socket.getOutputStream().write(42);
                    socket.getOutputStream().flush();
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // The client side reports the failure the test asserts on.
                }
                return null;
            });
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort());
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(plain, host, serverSocket.getLocalPort(), true)) {
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (clientProtocols != null) {
                    parameters.setProtocols(clientProtocols);
                }
                if (clientAlpn != null) {
                    parameters.setApplicationProtocols(clientAlpn);
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertEquals(42, socket.getInputStream().read());
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();
                return new Handshake(socket.getSession().getProtocol(), socket.getApplicationProtocol());
            } finally {
                accepted.get(10, TimeUnit.SECONDS);
            }
        }
    }

    static Handshake handshake(SSLContext server, SSLContext client, String host) throws Exception {
        return handshake(server, client, host, null, null);
    }

    static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    static List<String> subjectAltNames(X509Certificate certificate) throws Exception {
        List<String> names = new ArrayList<>();
        for (List<?> entry : certificate.getSubjectAlternativeNames()) {
            names.add(entry.get(0) + ":" + entry.get(1));
        }
        return names;
    }

    @Test
    void createsCaAndServerCertificate() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);

        X509Certificate caCert = ca.caCertificate();
        assertTrue(caCert.getSubjectX500Principal().getName().matches("CN=DSQL Local CA [0-9a-f]{8}"),
                caCert.getSubjectX500Principal().getName());
        assertEquals(caCert.getSubjectX500Principal(), caCert.getIssuerX500Principal());
        assertEquals(Integer.MAX_VALUE, caCert.getBasicConstraints());
        boolean[] caUsage = caCert.getKeyUsage();
        assertTrue(caUsage[5] && caUsage[6], "keyCertSign and cRLSign");
        assertTrue(caCert.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints is critical");
        caCert.verify(caCert.getPublicKey());
        Duration caValidity = Duration.between(caCert.getNotBefore().toInstant(), caCert.getNotAfter().toInstant());
        assertEquals(3650 * 24 + 1, caValidity.toHours());

        X509Certificate server = ca.serverCertificate();
        server.verify(caCert.getPublicKey());
        assertEquals(caCert.getSubjectX500Principal(), server.getIssuerX500Principal());
        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
        assertEquals(-1, server.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
        assertEquals(List.of("2:localhost", "2:*.dsql.us-east-1.on.aws", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1"),
                subjectAltNames(server));
        Instant now = Instant.now();
        assertTrue(server.getNotBefore().toInstant().isBefore(now.minus(Duration.ofMinutes(59))));
        assertTrue(server.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(364))));
        assertTrue(server.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(366))));

        assertEquals(dir.resolve("dsql-local-ca.pem"), ca.caCertificateFile());
        assertTrue(ca.caCertificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(ca.caCertificatePem(), Files.readString(ca.caCertificateFile()));
        assertTrue(Files.readString(dir.resolve("dsql-local-ca-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        try (InputStream in = Files.newInputStream(dir.resolve("dsql-local-server.pem"))) {
            assertEquals(server, CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void keyFileIsOwnerOnly() throws Exception {
        LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (posix != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("dsql-local-ca-key.pem"))));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("dsql-local-ca.pem"))));
        }
    }

    @Test
    void clientTrustingOnlyTheCaFileVerifiesLocalhostIpAndWildcard() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        SSLContext client = clientTrustingOnly(ca.caCertificateFile());

        assertEquals("TLSv1.3", handshake(ca.serverContext(), client, "localhost").protocol());
        assertEquals("TLSv1.3", handshake(ca.serverContext(), client, "127.0.0.1").protocol());
        assertEquals("TLSv1.3", handshake(ca.serverContext(), client, "abc123.dsql.us-east-1.on.aws").protocol());
        assertEquals("TLSv1.3", handshake(ca.serverContext(), ca.clientContextTrustingCa(), "localhost").protocol());
    }

    @Test
    void clientTrustingAnotherCaFails() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("a"), DNS, IPS);
        LocalCertificateAuthority other = LocalCertificateAuthority.loadOrCreate(dir.resolve("b"), DNS, IPS);
        assertNotEquals(fingerprint(ca.caCertificate()), fingerprint(other.caCertificate()));

        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> handshake(ca.serverContext(), clientTrustingOnly(other.caCertificateFile()), "localhost"));
        assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
    }

    @Test
    void hostNotInSubjectAltNamesFails() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        SSLContext client = clientTrustingOnly(ca.caCertificateFile());

        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> handshake(ca.serverContext(), client, "example.com"));
        assertTrue(e.getMessage().contains("No subject alternative DNS name matching example.com"), e.getMessage());
        // A wildcard covers exactly one label.
        assertThrows(SSLHandshakeException.class,
                () -> handshake(ca.serverContext(), client, "a.b.dsql.us-east-1.on.aws"));
        assertThrows(SSLHandshakeException.class, () -> handshake(ca.serverContext(), client, "127.0.0.2"));
    }

    @Test
    void serverContextAllowsOnlyTls13And12AndSelectsPostgresqlAlpn() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        SSLContext server = ca.serverContext();
        SSLContext client = ca.clientContextTrustingCa();

        try (SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, socket.getEnabledProtocols());
        }
        SSLEngine engine = server.createSSLEngine();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, engine.getEnabledProtocols());
        assertArrayEquals(new String[] {"postgresql"}, engine.getSSLParameters().getApplicationProtocols());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, server.getDefaultSSLParameters().getProtocols());

        assertEquals(new Handshake("TLSv1.2", ""),
                handshake(server, client, "localhost", new String[] {"TLSv1.2"}, null));
        assertEquals(new Handshake("TLSv1.3", "postgresql"),
                handshake(server, client, "localhost", null, new String[] {"postgresql"}));
        // A client insisting on another ALPN protocol is refused, as PostgreSQL 17 does.
        assertThrows(SSLHandshakeException.class,
                () -> handshake(server, client, "localhost", null, new String[] {"h2"}));
        assertThrows(java.security.KeyManagementException.class, () -> server.init(null, null, null));
    }

    @Test
    void reusedDirectoryKeepsCaAndIssuesNewServerCertificate() throws Exception {
        LocalCertificateAuthority first = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        String caPem = Files.readString(first.caCertificateFile());
        String keyPem = Files.readString(dir.resolve("dsql-local-ca-key.pem"));

        LocalCertificateAuthority second = LocalCertificateAuthority.loadOrCreate(dir, List.of("dsql.local"),
                List.of("127.0.0.1"));
        assertEquals(fingerprint(first.caCertificate()), fingerprint(second.caCertificate()));
        assertEquals(caPem, Files.readString(second.caCertificateFile()));
        assertEquals(keyPem, Files.readString(dir.resolve("dsql-local-ca-key.pem")));
        assertNotEquals(first.serverCertificate().getSerialNumber(), second.serverCertificate().getSerialNumber());
        assertNotEquals(first.serverCertificate().getPublicKey(), second.serverCertificate().getPublicKey());
        assertEquals(List.of("2:dsql.local", "7:127.0.0.1"), subjectAltNames(second.serverCertificate()));

        // A client configured after the first start still trusts the server after the restart.
        SSLContext client = clientTrustingOnly(dir.resolve("dsql-local-ca.pem"));
        assertEquals("TLSv1.3", handshake(second.serverContext(), client, "dsql.local").protocol());
    }

    @Test
    void missingKeyFileCreatesNewCa() throws Exception {
        LocalCertificateAuthority first = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        Files.delete(dir.resolve("dsql-local-ca-key.pem"));
        LocalCertificateAuthority second = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        assertNotEquals(fingerprint(first.caCertificate()), fingerprint(second.caCertificate()));
        assertTrue(Files.exists(dir.resolve("dsql-local-ca-key.pem")));
    }

    /** Writes a self-signed CA the way a user might supply one: legacy PEM key encoding, chosen validity. */
    static X509Certificate writeExternalCa(Path directory, String keyAlgorithm, Instant notBefore, Instant notAfter)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        generator.initialize(keyAlgorithm.equals("RSA") ? 2048 : 256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Team CA");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(notBefore), Date.from(notAfter), name,
                        keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .build(new JcaContentSignerBuilder(keyAlgorithm.equals("RSA") ? "SHA256withRSA"
                                : "SHA256withECDSA").build(keys.getPrivate())));
        Files.createDirectories(directory);
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(directory.resolve("dsql-local-ca.pem")))) {
            writer.writeObject(cert);
        }
        try (JcaPEMWriter writer = new JcaPEMWriter(
                Files.newBufferedWriter(directory.resolve("dsql-local-ca-key.pem")))) {
            // RSA goes out as PKCS#1 "RSA PRIVATE KEY" (as openssl genrsa -traditional writes it); EC as
            // PKCS#8, because BouncyCastle's SEC1 output of a JDK EC key drops the curve parameters.
            if (keyAlgorithm.equals("RSA")) {
                writer.writeObject(keys.getPrivate());
            } else {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
            }
        }
        return cert;
    }

    @Test
    void userSuppliedRsaCaIsUsedAsIs() throws Exception {
        Instant now = Instant.now();
        X509Certificate teamCa = writeExternalCa(dir, "RSA", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        assertTrue(Files.readString(dir.resolve("dsql-local-ca-key.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        assertEquals(teamCa, ca.caCertificate());
        assertEquals("SHA256withRSA", ca.serverCertificate().getSigAlgName());
        // The leaf is capped at the issuer's expiry instead of the usual year.
        assertEquals(teamCa.getNotAfter(), ca.serverCertificate().getNotAfter());
        assertEquals("TLSv1.3", handshake(ca.serverContext(), clientTrustingOnly(ca.caCertificateFile()), "localhost")
                .protocol());
    }

    @Test
    void expiredCaIsReplaced() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = writeExternalCa(dir, "EC", now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, DNS, IPS);
        assertNotEquals(expired, ca.caCertificate());
        assertTrue(ca.caCertificate().getSubjectX500Principal().getName().startsWith("CN=DSQL Local CA "));
        assertEquals(ca.caCertificatePem(), Files.readString(ca.caCertificateFile()));
    }

    @Test
    void mismatchedCaFilesAreRefused() throws Exception {
        LocalCertificateAuthority.loadOrCreate(dir.resolve("a"), DNS, IPS);
        LocalCertificateAuthority.loadOrCreate(dir.resolve("b"), DNS, IPS);
        Files.copy(dir.resolve("b/dsql-local-ca-key.pem"), dir.resolve("a/dsql-local-ca-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir.resolve("a"), DNS, IPS));
        assertTrue(e.getMessage().endsWith("does not hold the private key of "
                + dir.resolve("a/dsql-local-ca.pem")), e.getMessage());

        Files.writeString(dir.resolve("b/dsql-local-ca-key.pem"), "not a key");
        e = assertThrows(IllegalStateException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir.resolve("b"), DNS, IPS));
        assertTrue(e.getMessage().endsWith("does not contain a PEM private key"), e.getMessage());
    }

    @Test
    void serverCertificateWithOnlyAnIpAddressUsesItAsCommonName() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir, List.of(), List.of("[::1]"));
        assertEquals("CN=::1", ca.serverCertificate().getSubjectX500Principal().getName());
        assertEquals(List.of("7:0:0:0:0:0:0:0:1"), subjectAltNames(ca.serverCertificate()));
    }

    @Test
    void invalidNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LocalCertificateAuthority.loadOrCreate(dir, List.of(),
                List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir, List.of("bad name"), List.of()));
        assertEquals("not a valid DNS name for a certificate: 'bad name'", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir, List.of("a.*.example.com"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir, List.of("*.com"), List.of()));
        e = assertThrows(IllegalArgumentException.class,
                () -> LocalCertificateAuthority.loadOrCreate(dir, List.of("localhost"), List.of("300.1.1.1")));
        assertEquals("not a valid IP address: '300.1.1.1'", e.getMessage());
        assertFalse(Files.exists(dir.resolve("dsql-local-ca.pem")), "nothing is written for invalid input");
    }
}
