package io.dsqlkit.local.internal.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts client connections for every local cluster (one listening socket per cluster) and runs
 * each connection as a {@link ClientSession} on its own thread. A failing or hostile connection
 * only ever ends its own session.
 */
public final class FrontEndServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrontEndServer.class);
    private static final int ACCEPT_BACKLOG = 1024;

    private final ServerSettings settings;
    private final Path backendSocket;
    private final SessionGates gates;
    private final SessionRegistry registry = new SessionRegistry();
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final ExecutorService sessionThreads = Executors.newCachedThreadPool(daemon("dsql-local-session"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("dsql-local-watchdog"));
    private volatile boolean closed;

    public FrontEndServer(ServerSettings settings, Path backendSocket, SessionGates gates) {
        this.settings = settings;
        this.backendSocket = backendSocket;
        this.gates = gates;
        long period = Math.max(50, Math.min(1000, settings.maxConnectionAge().toMillis() / 10));
        watchdog.scheduleAtFixedRate(this::expireOldConnections, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts accepting connections for a cluster; returns the bound port (useful when {@code port} is 0). */
    public int listen(InetAddress bindAddress, int port, ClusterRoute route) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bindAddress, port), ACCEPT_BACKLOG);
        Listener listener = new Listener(serverSocket, route);
        listeners.put(route.clusterId(), listener);
        Thread acceptor = daemon("dsql-local-accept-" + route.clusterId()).newThread(listener);
        acceptor.start();
        return serverSocket.getLocalPort();
    }

    /** Stops accepting for a cluster and closes its open sessions. */
    public void stopListening(String clusterId) {
        Listener listener = listeners.remove(clusterId);
        if (listener != null) {
            listener.close();
            for (ClientSession session : sessions) {
                if (session.route().clusterId().equals(clusterId)) {
                    session.close();
                }
            }
        }
    }

    /** Runs {@code action} once after {@code delay} on the watchdog thread; cancel the result to stop it. */
    java.util.concurrent.Future<?> afterDelay(java.time.Duration delay, Runnable action) {
        return watchdog.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int openConnections() {
        return openConnections.get();
    }

    Path backendSocket() {
        return backendSocket;
    }

    SessionRegistry registry() {
        return registry;
    }

    boolean tryTakeConnectionSlot() {
        if (openConnections.incrementAndGet() > settings.maxConnections()) {
            openConnections.decrementAndGet();
            return false;
        }
        return true;
    }

    void releaseConnectionSlot() {
        openConnections.decrementAndGet();
    }

    /** DSQL's rules for a new session of this cluster. */
    StatementGate gateFor(ClusterRoute route) {
        return gates.newGate(route);
    }

    /** A session committed statements that submitted async jobs: they may start now. */
    void jobsCommitted(ClusterRoute route) {
        gates.jobsCommitted(route);
    }

    void cancel(int processId, int secretKey) {
        ClientSession session = registry.find(processId, secretKey);
        if (session != null) {
            session.cancelBackendQuery();
        }
    }

    void sessionEnded(ClientSession session) {
        sessions.remove(session);
    }

    private void expireOldConnections() {
        long now = settings.clock().millis();
        long maxAge = settings.maxConnectionAge().toMillis();
        for (ClientSession session : sessions) {
            if (now - session.openedAtMillis() >= maxAge) {
                session.expire();
            }
        }
    }

    private final class Listener implements Runnable {
        private final ServerSocket serverSocket;
        private final ClusterRoute route;

        Listener(ServerSocket serverSocket, ClusterRoute route) {
            this.serverSocket = serverSocket;
            this.route = route;
        }

        @Override
        public void run() {
            while (!closed && !serverSocket.isClosed()) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    if (!serverSocket.isClosed()) {
                        log.warn("accept failed on {}", serverSocket.getLocalSocketAddress(), e);
                    }
                    continue;
                }
                ClientSession session = new ClientSession(socket, FrontEndServer.this, route, settings);
                sessions.add(session);
                try {
                    sessionThreads.execute(session);
                } catch (RuntimeException e) {
                    session.close();
                }
            }
        }

        void close() {
            try {
                serverSocket.close();
            } catch (IOException ignored) {
                // closing a listening socket only fails if it is already closed
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        listeners.values().forEach(Listener::close);
        listeners.clear();
        for (ClientSession session : sessions) {
            session.close();
        }
        watchdog.shutdownNow();
        sessionThreads.shutdownNow();
        try {
            sessionThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
