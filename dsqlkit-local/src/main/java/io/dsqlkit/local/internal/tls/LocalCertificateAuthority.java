package io.dsqlkit.local.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A certificate authority private to one DSQL Local data directory, plus a server certificate it
 * issued for this start.
 *
 * <p>The CA is persisted ({@value #CA_CERT_FILE}, {@value #CA_KEY_FILE}) so that clients configured
 * with {@code sslrootcert=<caCertificateFile()>} keep working across restarts; the server key pair
 * and certificate are regenerated on every start so that changed host names take effect. Only the
 * JDK's default providers are used for keys and signatures, BouncyCastle builds the certificates
 * and reads/writes PEM, and no provider is registered globally.
 */
public final class LocalCertificateAuthority {

    public static final String CA_CERT_FILE = "dsql-local-ca.pem";
    public static final String CA_KEY_FILE = "dsql-local-ca-key.pem";
    public static final String SERVER_CERT_FILE = "dsql-local-server.pem";

    private static final Logger LOG = LoggerFactory.getLogger(LocalCertificateAuthority.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    // Back-dating absorbs clock differences between this host and clients (e.g. containers).
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate caCertificate;
    private final Path caCertificateFile;
    private final X509Certificate serverCertificate;
    private final PrivateKey serverKey;

    private LocalCertificateAuthority(X509Certificate caCertificate, Path caCertificateFile,
            X509Certificate serverCertificate, PrivateKey serverKey) {
        this.caCertificate = caCertificate;
        this.caCertificateFile = caCertificateFile;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /**
     * Loads the CA stored in {@code directory} (or creates and stores a new one when either file is
     * missing or the stored CA expires within a day) and issues a fresh server certificate for the
     * given names. The stored CA may also be one the user supplied (EC or RSA, unencrypted PEM key).
     *
     * @param directory   where the CA is kept, typically the data directory; created if missing
     *
     * @param dnsNames    DNS names for the server certificate; wildcards such as
     *                    {@code *.dsql.us-east-1.on.aws} are allowed as the leftmost label
     * @param ipAddresses IPv4/IPv6 literals for the server certificate
     * @throws IllegalArgumentException if no name is given or a name is malformed
     * @throws UncheckedIOException     if the directory cannot be read or written
     * @throws IllegalStateException    if the stored CA files are unusable (corrupt, encrypted,
     *                                  not a CA, or key and certificate do not match)
     */
    public static LocalCertificateAuthority loadOrCreate(Path directory, Collection<String> dnsNames,
            Collection<String> ipAddresses) {
        Objects.requireNonNull(directory, "directory");
        List<String> dns = validateDnsNames(dnsNames);
        List<String> ips = validateIpAddresses(ipAddresses);
        if (dns.isEmpty() && ips.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS name or IP address is required");
        }
        try {
            Files.createDirectories(directory);
            // Absolute, because clients resolve a relative sslrootcert against their own working directory.
            Path certFile = directory.toAbsolutePath().resolve(CA_CERT_FILE);
            Path keyFile = directory.toAbsolutePath().resolve(CA_KEY_FILE);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            X509Certificate caCert = null;
            PrivateKey caKey = null;
            if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
                caCert = readCertificate(certFile);
                caKey = readPrivateKey(keyFile);
                checkUsableCa(caCert, caKey, certFile, keyFile);
                if (!caCert.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(1)))) {
                    LOG.warn("DSQL Local CA in {} expires at {}; replacing it, clients must trust the new {}",
                            directory, caCert.getNotAfter().toInstant(), certFile);
                    caCert = null;
                    caKey = null;
                } else {
                    LOG.info("Loaded DSQL Local CA '{}' from {}", caCert.getSubjectX500Principal().getName(), certFile);
                }
            } else if (Files.exists(certFile) || Files.exists(keyFile)) {
                LOG.warn("Only one of {} and {} exists in {}; creating a new CA", CA_CERT_FILE, CA_KEY_FILE, directory);
            }
            if (caCert == null) {
                KeyPair caKeys = newEcKeyPair();
                caCert = createCaCertificate(caKeys, now);
                caKey = caKeys.getPrivate();
                // Old certificate out, new key, then new certificate: a crash at any point leaves at most
                // one file, which forces a clean regeneration instead of a key/certificate mismatch.
                Files.deleteIfExists(certFile);
                writeAtomically(keyFile, toPem(new JcaPKCS8Generator(caKey, null)), true);
                writeAtomically(certFile, toPem(caCert), false);
                LOG.info("Created DSQL Local CA '{}' in {}", caCert.getSubjectX500Principal().getName(), certFile);
            }

            KeyPair serverKeys = newEcKeyPair();
            X509Certificate serverCert = createServerCertificate(caCert, caKey, serverKeys.getPublic(), dns, ips, now);
            writeAtomically(directory.resolve(SERVER_CERT_FILE), toPem(serverCert), false);
            LOG.debug("Issued DSQL Local server certificate for DNS {} and IP {}", dns, ips);
            return new LocalCertificateAuthority(caCert, certFile, serverCert, serverKeys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up DSQL Local certificates in " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up DSQL Local certificates in " + directory, e);
        }
    }

    /**
     * A server-side TLS context presenting the chain [server, CA]. Sockets and engines it creates
     * enable only TLSv1.3 and TLSv1.2 and select ALPN {@code postgresql} when the client offers ALPN.
     */
    public SSLContext serverContext() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            // The store never leaves memory; a random password only satisfies the PKCS12 API.
            char[] password = randomHex(16).toCharArray();
            keyStore.setKeyEntry("server", serverKey, password, new X509Certificate[] {serverCertificate, caCertificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return ServerTlsContext.wrap(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the DSQL Local server TLS context", e);
        }
    }

    /** A client-side TLS context that trusts exactly this CA (host name checks are up to the caller). */
    public SSLContext clientContextTrustingCa() {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("dsql-local-ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context trusting the DSQL Local CA", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public String caCertificatePem() {
        try {
            return toPem(caCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PEM file to pass to clients, e.g. pgJDBC/libpq {@code sslrootcert}. */
    public Path caCertificateFile() {
        return caCertificateFile;
    }

    /** The server certificate issued for this start. */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    private static List<String> validateDnsNames(Collection<String> names) {
        Set<String> result = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names) {
                String n = Objects.requireNonNull(name, "DNS name").trim();
                if (!isValidDnsName(n)) {
                    throw new IllegalArgumentException("not a valid DNS name for a certificate: '" + name + "'");
                }
                result.add(n);
            }
        }
        return new ArrayList<>(result);
    }

    private static boolean isValidDnsName(String name) {
        if (name.isEmpty() || name.length() > 253 || name.startsWith(".") || name.endsWith(".")) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            // Clients only honour a wildcard that is the entire leftmost label of a multi-label name.
            if (label.equals("*") && i == 0 && labels.length > 2) {
                continue;
            }
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int j = 0; j < label.length(); j++) {
                char c = label.charAt(j);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> validateIpAddresses(Collection<String> addresses) {
        Set<String> result = new LinkedHashSet<>();
        if (addresses != null) {
            for (String address : addresses) {
                String a = Objects.requireNonNull(address, "IP address").trim();
                if (a.startsWith("[") && a.endsWith("]")) {
                    a = a.substring(1, a.length() - 1);
                }
                if (!IPAddress.isValid(a)) {
                    throw new IllegalArgumentException("not a valid IP address: '" + address + "'");
                }
                result.add(a);
            }
        }
        return new ArrayList<>(result);
    }

    private static KeyPair newEcKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate createCaCertificate(KeyPair keys, Instant now)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        // A per-directory suffix keeps CAs of different data directories apart in trust stores.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "DSQL Local CA " + randomHex(4))
                .build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, newSerial(),
                Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(CA_VALIDITY)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static X509Certificate createServerCertificate(X509Certificate caCert, PrivateKey caKey,
            PublicKey serverKey, List<String> dnsNames, List<String> ipAddresses, Instant now)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        String commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String ip : ipAddresses) {
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        // A leaf outliving its issuer would fail path validation, so cap it at the CA's expiry.
        Instant notAfter = now.plus(SERVER_VALIDITY);
        Instant caNotAfter = caCert.getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, newSerial(),
                Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), subject, serverKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                // The server key is always EC, which signs the handshake and never encrypts a key.
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(new GeneralName[0])))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(caCert.getPublicKey()));
        return sign(builder, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(signingKey)).build(signingKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException(
                    "unsupported CA key algorithm " + key.getAlgorithm() + " (use EC or RSA)");
        };
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static BigInteger newSerial() {
        // RFC 5280: positive, at most 20 octets; 159 random bits satisfy both.
        return new BigInteger(159, RANDOM).setBit(0);
    }

    private static void checkUsableCa(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
            throws GeneralSecurityException {
        if (cert.getBasicConstraints() < 0) {
            throw new IllegalStateException(certFile + " is not a CA certificate (basicConstraints CA=false)");
        }
        boolean[] keyUsage = cert.getKeyUsage();
        if (keyUsage != null && !keyUsage[5]) {
            throw new IllegalStateException(certFile + " may not sign certificates (keyUsage lacks keyCertSign)");
        }
        // Sign-and-verify proves the key belongs to the certificate for both EC and RSA keys.
        String algorithm = signatureAlgorithm(key);
        byte[] probe = new byte[32];
        RANDOM.nextBytes(probe);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException(keyFile + " does not hold the private key of " + certFile);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " does not contain a readable X.509 certificate", e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                // Only the private half: SEC1 "EC PRIVATE KEY" files often omit the public key.
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (PEMException e) {
            throw new IllegalStateException(file + " holds a private key that cannot be read: " + e.getMessage(), e);
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalStateException(file + " holds an encrypted private key; DSQL Local needs it unencrypted");
        }
        throw new IllegalStateException(file + " does not contain a PEM private key");
    }

    private static String toPem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof JcaPKCS8Generator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        }
        return out.toString();
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        // createTempFile is owner-only on POSIX, so a secret is never readable by others, even briefly.
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
