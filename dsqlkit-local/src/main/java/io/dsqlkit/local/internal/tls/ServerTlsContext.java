package io.dsqlkit.local.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Wraps an initialised {@link SSLContext} so that every socket, server socket and engine it creates
 * is limited to TLS 1.3/1.2 and offers the {@code postgresql} ALPN protocol.
 *
 * <p>A plain {@code SSLContext} cannot carry enabled protocols, so without this wrapper each caller
 * would have to remember to set them; ALPN matters because PostgreSQL 17 clients using
 * {@code sslnegotiation=direct} (libpq, pgJDBC) require the server to select {@code postgresql}.
 */
final class ServerTlsContext {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] APPLICATION_PROTOCOLS = {"postgresql"};

    private ServerTlsContext() {
    }

    static SSLContext wrap(SSLContext delegate) {
        return new SSLContext(new Spi(delegate), delegate.getProvider(), delegate.getProtocol()) {
        };
    }

    static SSLParameters configure(SSLParameters parameters) {
        parameters.setProtocols(PROTOCOLS.clone());
        parameters.setApplicationProtocols(APPLICATION_PROTOCOLS.clone());
        return parameters;
    }

    private static Socket configure(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            ssl.setSSLParameters(configure(ssl.getSSLParameters()));
        }
        return socket;
    }

    private static ServerSocket configure(ServerSocket socket) {
        if (socket instanceof SSLServerSocket ssl) {
            ssl.setSSLParameters(configure(ssl.getSSLParameters()));
        }
        return socket;
    }

    private static SSLEngine configure(SSLEngine engine) {
        engine.setSSLParameters(configure(engine.getSSLParameters()));
        return engine;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;

        Spi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            // The key material is fixed by the certificate authority; re-initialising would drop it.
            throw new KeyManagementException("DSQL Local server TLS context is already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new SocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new ServerSocketFactory(delegate.getServerSocketFactory());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return configure(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return configure(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return configure(delegate.getDefaultSSLParameters());
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    private static final class SocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        SocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return configure(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return configure(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return configure(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class ServerSocketFactory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory delegate;

        ServerSocketFactory(SSLServerSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return configure(delegate.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return configure(delegate.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return configure(delegate.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
            return configure(delegate.createServerSocket(port, backlog, ifAddress));
        }
    }
}
