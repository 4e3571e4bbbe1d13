package io.dsqlkit.jdbc.internal.config;

/** How the connection is encrypted and whom it trusts. Never trust-all. */
public enum TlsMode {
    /**
     * Real DSQL: {@code verify-full} against the JVM's trust store, which holds Amazon Root CA 1
     * that DSQL's certificates chain to (DSQL-FACTS §2).
     */
    SYSTEM_TRUST_STORE,
    /** {@code verify-full} against one CA in a PEM file, e.g. DSQL Local's. */
    ROOT_CERTIFICATE,
    /** No TLS: only for DSQL Local started with {@code --no-tls}; real DSQL refuses it. */
    DISABLED
}
