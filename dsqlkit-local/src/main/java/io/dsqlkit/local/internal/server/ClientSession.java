package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.auth.InvalidTokenException;
import io.dsqlkit.local.internal.wire.BackendMessages;
import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.FrameReader;
import io.dsqlkit.local.internal.wire.MessageTypes;
import io.dsqlkit.local.internal.wire.ProtocolException;
import io.dsqlkit.local.internal.wire.ServerError;
import io.dsqlkit.local.internal.wire.StartupPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client connection, from the first byte to the last.
 *
 * <pre>
 *  client                         front end                           backing PostgreSQL
 *    | SSLRequest / TLS ClientHello  |                                        |
 *    |------------------------------>| 'S' + TLS handshake (or direct TLS)    |
 *    | StartupMessage(user, db)      |                                        |
 *    |------------------------------>| AuthenticationCleartextPassword        |
 *    | PasswordMessage(IAM token)    |                                        |
 *    |------------------------------>| verify token ── StartupMessage ───────>| (Unix socket, trust)
 *    |<------------------------------| AuthOk, ParameterStatus*, our BackendKeyData, ReadyForQuery
 *    | Query | Parse/Bind/.../Sync   |                                        |
 *    |------------------------------>|───── relayed ─────────────────────────>|
 *    |<──── responses relayed, until ReadyForQuery (or, after Flush, until the pending ones) ─|
 * </pre>
 *
 * <p>Processing is synchronous per cycle, as PostgreSQL's own backend is: the session reads the
 * client's messages, relays them, and on Sync/Query/Flush drains the backend's answers before it
 * reads on. Pipelining clients still pipeline: their bytes wait in the socket buffer. Knowing each
 * cycle's outcome before the next one starts is what lets DSQL's rules act per statement.
 */
final class ClientSession implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    /** DSQL has exactly one database (DSQL-FACTS §2). */
    static final String DATABASE = "postgres";
    /** DSQL-FACTS §3: {@code SELECT version()} answers exactly this. */
    static final String DSQL_VERSION_TEXT = "PostgreSQL 16";
    private static final MessageTypes PASSWORD_ONLY = MessageTypes.of("p");

    private final Socket socket;
    private final FrontEndServer server;
    private final ClusterRoute route;
    private final ServerSettings settings;
    private final long openedAtMillis;
    private final IdentityRewriter identity;

    private Socket transport;
    private FrameReader client;
    private OutputStream clientOut;
    private BackendConnection backend;
    private SessionRegistry.Key key;
    private boolean connectionSlotTaken;

    /** Guards writes that may come from the age watchdog while this session waits for input. */
    private final Object lifecycle = new Object();
    private boolean idle;
    private boolean expired;
    private boolean closed;

    /** Terminal responses still owed for extended-protocol messages relayed since the last ReadyForQuery. */
    private final java.util.ArrayDeque<Owed> owed = new java.util.ArrayDeque<>();
    /** Command tags to present for portals bound in this cycle. */
    private final Map<String, String> portalTags = new java.util.HashMap<>();
    /** Per statement of the current simple Query: tag to present, or null. */
    private List<String> queryTags = List.of();
    private int queryStatement;
    private boolean injectedInCycle;
    private boolean jobsInCycle;
    private final StatementGate gate;

    ClientSession(Socket socket, FrontEndServer server, ClusterRoute route, ServerSettings settings) {
        this.socket = socket;
        this.server = server;
        this.route = route;
        this.settings = settings;
        this.openedAtMillis = settings.clock().millis();
        this.identity = new IdentityRewriter(identityReplacements(route, settings));
        this.gate = server.gateFor(route);
    }

    private static List<IdentityRewriter.Replacement> identityReplacements(ClusterRoute route, ServerSettings settings) {
        List<IdentityRewriter.Replacement> rules = new ArrayList<>();
        rules.add(new IdentityRewriter.Replacement(List.of("version"), settings.backendVersionText(), DSQL_VERSION_TEXT));
        if (!route.database().equals(DATABASE)) {
            rules.add(new IdentityRewriter.Replacement(
                    List.of("current_", "catalog", "datname", "information_schema"), route.database(), DATABASE));
        }
        return rules;
    }

    ClusterRoute route() {
        return route;
    }

    long openedAtMillis() {
        return openedAtMillis;
    }

    @Override
    public void run() {
        try {
            if (handshake()) {
                relay();
            }
        } catch (ProtocolException e) {
            log.debug("protocol violation from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            sendFatalQuietly(ServerError.fatal("08P01", e.getMessage()));
        } catch (IOException e) {
            log.debug("connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException e) {
            log.warn("session from {} failed", socket.getRemoteSocketAddress(), e);
            sendFatalQuietly(ServerError.fatal("XX000", "internal error in DSQL Local: " + e));
        } finally {
            close();
        }
    }

    // ---------------------------------------------------------------- startup phase

    private boolean handshake() throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) settings.startupTimeout().toMillis());
        InputStream rawIn = socket.getInputStream();
        transport = socket;
        clientOut = socket.getOutputStream();
        // Unbuffered until TLS is settled, so no TLS bytes are swallowed by a plain-text buffer.
        client = new FrameReader(rawIn, settings.maxFrameBytes());
        int first = rawIn.read();
        if (first < 0) {
            return false;
        }
        boolean encrypted = false;
        StartupPacket packet;
        if (first == TLS_HANDSHAKE_RECORD) {
            // Direct TLS (sslnegotiation=direct): the ClientHello arrives without an SSLRequest.
            if (!settings.tlsRequired()) {
                return false;
            }
            startTls(new byte[] {(byte) first});
            encrypted = true;
            packet = client.readStartupPacket();
        } else {
            packet = client.readStartupPacketAfter(first);
        }
        while (packet instanceof StartupPacket.SslRequest || packet instanceof StartupPacket.GssEncRequest) {
            if (packet instanceof StartupPacket.SslRequest && settings.tlsRequired() && !encrypted) {
                clientOut.write('S');
                clientOut.flush();
                startTls(null);
                encrypted = true;
            } else {
                if (encrypted) {
                    throw new ProtocolException("SSLRequest or GSSENCRequest after encryption was established");
                }
                clientOut.write('N');
                clientOut.flush();
            }
            packet = client.readStartupPacket();
        }
        if (packet == null) {
            return false;
        }
        if (packet instanceof StartupPacket.CancelRequest cancel) {
            server.cancel(cancel.processId(), cancel.secretKey());
            return false;
        }
        return startup((StartupPacket.StartupMessage) packet, encrypted);
    }

    private void startTls(byte[] consumed) throws IOException {
        SSLSocketFactory factory = settings.sslContext().getSocketFactory();
        SSLSocket ssl = consumed == null
                ? (SSLSocket) factory.createSocket(socket, null, socket.getPort(), true)
                : (SSLSocket) factory.createSocket(socket, new ByteArrayInputStream(consumed), true);
        ssl.setUseClientMode(false);
        SSLParameters parameters = ssl.getSSLParameters();
        // PostgreSQL 17 clients using direct TLS ask for ALPN "postgresql".
        parameters.setApplicationProtocols(new String[] {"postgresql"});
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        transport = ssl;
        client = new FrameReader(new BufferedInputStream(ssl.getInputStream(), BUFFER_BYTES), settings.maxFrameBytes());
        clientOut = ssl.getOutputStream();
    }

    private boolean startup(StartupPacket.StartupMessage startup, boolean encrypted) throws IOException {
        if (startup.majorVersion() != 3) {
            sendFatal(ServerError.fatal("0A000", "unsupported frontend protocol " + startup.majorVersion() + "."
                    + startup.minorVersion() + ": server supports 3.0 to 3.0"));
            return false;
        }
        List<String> unrecognized = new ArrayList<>();
        Map<String, String> backendParameters = new LinkedHashMap<>();
        startup.parameters().forEach((name, value) -> {
            if (name.startsWith("_pq_.")) {
                unrecognized.add(name);
            } else if (!name.equals("user") && !name.equals("database") && !name.equals("replication")) {
                backendParameters.put(name, value);
            }
        });
        if (startup.minorVersion() > 0 || !unrecognized.isEmpty()) {
            clientOut.write(BackendMessages.negotiateProtocolVersion(0, unrecognized));
        }
        if (settings.tlsRequired() && !encrypted) {
            sendFatal(ServerError.fatal("28000", "DSQL requires an encrypted connection")
                    .withHint("Connect with TLS (sslmode=require, verify-ca or verify-full), or start DSQL Local with --no-tls."));
            return false;
        }
        String user = startup.parameters().get("user");
        if (user == null || user.isEmpty()) {
            sendFatal(ServerError.fatal("28000", "no PostgreSQL user name specified in startup packet"));
            return false;
        }
        String database = startup.parameters().getOrDefault("database", "");
        if (!database.isEmpty() && !database.equals(DATABASE)) {
            sendFatal(ServerError.fatal("3D000", "database \"" + database + "\" does not exist")
                    .withHint("DSQL clusters have exactly one database, \"postgres\"."));
            return false;
        }
        if (startup.parameters().containsKey("replication")
                && !"false".equalsIgnoreCase(startup.parameters().get("replication"))) {
            sendFatal(ServerError.fatal("0A000", "replication connections are not supported"));
            return false;
        }
        if (!server.tryTakeConnectionSlot()) {
            // DSQL-FACTS §2: TOO_MANY_CONNECTIONS(53300).
            sendFatal(ServerError.fatal("53300", "Unable to accept connection, too many open connections."));
            return false;
        }
        connectionSlotTaken = true;

        clientOut.write(BackendMessages.authenticationCleartextPassword());
        clientOut.flush();
        Frame password = client.readFrame(PASSWORD_ONLY);
        if (password == null) {
            return false;
        }
        try {
            settings.tokenVerifier().verify(password.cString(0), user, route.acceptedTokenHosts());
        } catch (InvalidTokenException e) {
            log.info("refused IAM token for user {} on cluster {}: {}", user, route.clusterId(), e.getMessage());
            sendFatal(ServerError.fatal("28P01", "IAM authentication failed for user \"" + user + "\"")
                    .withDetail(e.getMessage()));
            return false;
        }

        backendParameters.put("user", user);
        backendParameters.put("database", route.database());
        BackendConnection.StartupResult result = BackendConnection.open(server.backendSocket(), backendParameters);
        if (result instanceof BackendConnection.StartupResult.Refused refused) {
            clientOut.write(BackendMessages.message('E', new BackendMessages.Builder().bytes(refused.error().payload())));
            clientOut.flush();
            return false;
        }
        backend = ((BackendConnection.StartupResult.Ready) result).connection();
        key = server.registry().register(this);

        OutputStream buffered = new BufferedOutputStream(clientOut, BUFFER_BYTES);
        buffered.write(BackendMessages.authenticationOk());
        for (Map.Entry<String, String> status : backend.parameterStatus().entrySet()) {
            buffered.write(BackendMessages.parameterStatus(status.getKey(), status.getValue()));
        }
        buffered.write(BackendMessages.backendKeyData(key.processId(), key.secretKey()));
        buffered.write(BackendMessages.readyForQuery('I'));
        buffered.flush();
        clientOut = buffered;
        socket.setSoTimeout(0);
        return true;
    }

    // ---------------------------------------------------------------- relay phase

    private enum DrainUntil { READY_FOR_QUERY, PENDING_ANSWERED }

    /**
     * What to do with the terminal response the backend owes for one forwarded extended-protocol
     * message: relay it (optionally presenting another command tag), or swallow it because the
     * front end injected the message itself.
     */
    private record Owed(boolean swallow, String tag) {
        static final Owed RELAY = new Owed(false, null);
        static final Owed SWALLOW = new Owed(true, null);
    }

    private void relay() throws IOException {
        OutputStream backendOut = backend.out;
        while (true) {
            if (!enterIdle()) {
                return;
            }
            int type = client.readHeader(MessageTypes.FRONTEND);
            leaveIdle();
            switch (type) {
                case -1 -> {
                    return;
                }
                case 'Q' -> {
                    Frame query = client.readPayload();
                    StatementGate.QueryPlan plan = gate.planQuery(query.cString(0));
                    Frame forwarded = plan.sql().equals(query.cString(0)) ? query
                            : new Frame((byte) 'Q', new BackendMessages.Builder().cString(plan.sql()).toByteArray());
                    identity.onSimpleQuery(forwarded);
                    queryTags = plan.tagOverrides();
                    queryStatement = 0;
                    injectedInCycle |= plan.injected();
                    jobsInCycle |= plan.jobsSubmitted();
                    writeFrame(backendOut, forwarded);
                    backendOut.flush();
                    drain(DrainUntil.READY_FOR_QUERY);
                }
                case 'P' -> {
                    Frame parse = client.readPayload();
                    String name = parse.cString(0);
                    int sqlAt = parse.afterCString(0);
                    String sql = parse.cString(sqlAt);
                    StatementGate.ParsePlan plan = gate.planParse(name, sql);
                    if (!plan.sql().equals(sql)) {
                        int typesAt = parse.afterCString(sqlAt);
                        byte[] p = parse.payload();
                        parse = new Frame((byte) 'P', new BackendMessages.Builder().cString(name).cString(plan.sql())
                                .bytes(java.util.Arrays.copyOfRange(p, typesAt, p.length)).toByteArray());
                    }
                    injectedInCycle |= plan.injected();
                    identity.onParse(parse);
                    writeFrame(backendOut, parse);
                    owed.add(Owed.RELAY);
                }
                case 'B' -> {
                    Frame bind = client.readPayload();
                    String portal = bind.cString(0);
                    String statement = bind.cString(bind.afterCString(0));
                    identity.onBind(bind);
                    ServerError refusal = gate.beforeExecute(statement);
                    if (refusal != null) {
                        // Run a raise in place of the statement, through the client's own portal name.
                        writeFrame(backendOut, new Frame((byte) 'P', new BackendMessages.Builder().cString("")
                                .cString(RaiseStatement.of(refusal)).int16(0).toByteArray()));
                        owed.add(Owed.SWALLOW);
                        writeFrame(backendOut, new Frame((byte) 'B', new BackendMessages.Builder().cString(portal)
                                .cString("").int16(0).int16(0).int16(0).toByteArray()));
                        injectedInCycle = true;
                        portalTags.remove(portal);
                    } else {
                        writeFrame(backendOut, bind);
                        String tag = gate.tagFor(statement);
                        if (tag != null) {
                            portalTags.put(portal, tag);
                        } else if (!portalTags.isEmpty()) {
                            portalTags.remove(portal);
                        }
                        jobsInCycle |= gate.submitsJobs(statement);
                    }
                    owed.add(Owed.RELAY);
                }
                case 'E' -> {
                    if (portalTags.isEmpty()) {
                        client.relayFrame(backendOut);
                        owed.add(Owed.RELAY);
                    } else {
                        Frame execute = client.readPayload();
                        String tag = portalTags.get(execute.cString(0));
                        writeFrame(backendOut, execute);
                        owed.add(tag == null ? Owed.RELAY : new Owed(false, tag));
                    }
                }
                case 'D', 'C', 'F' -> {
                    client.relayFrame(backendOut);
                    owed.add(Owed.RELAY);
                }
                case 'S' -> {
                    client.relayFrame(backendOut);
                    backendOut.flush();
                    drain(DrainUntil.READY_FOR_QUERY);
                }
                case 'H' -> {
                    client.relayFrame(backendOut);
                    backendOut.flush();
                    drain(DrainUntil.PENDING_ANSWERED);
                }
                case 'X' -> {
                    client.relayFrame(backendOut);
                    backendOut.flush();
                    return;
                }
                default -> client.relayFrame(backendOut);
            }
        }
    }

    /** Relays backend messages to the client until the cycle ends. */
    private void drain(DrainUntil until) throws IOException {
        FrameReader from = backend.reader;
        if (until == DrainUntil.PENDING_ANSWERED && owed.isEmpty()) {
            clientOut.flush();
            return;
        }
        while (true) {
            int type = from.readHeader(MessageTypes.BACKEND);
            if (type < 0) {
                throw new EOFException("backing PostgreSQL closed the session");
            }
            switch (type) {
                case 'Z' -> {
                    Frame ready = from.readPayload();
                    owed.clear();
                    portalTags.clear();
                    queryTags = List.of();
                    identity.onCycleEnd();
                    char status = (char) ready.payload()[0];
                    gate.onReadyForQuery(status);
                    if (jobsInCycle && status == 'I') {
                        server.jobsCommitted(route);
                    }
                    jobsInCycle = false;
                    injectedInCycle = false;
                    writeFrame(clientOut, ready);
                    clientOut.flush();
                    return;
                }
                case 'E' -> {
                    Frame error = from.readPayload();
                    writeFrame(clientOut, injectedInCycle ? withoutRaiseContext(error) : error);
                    gate.onError();
                    // After an error the backend skips everything up to Sync: nothing more is owed.
                    owed.clear();
                    queryStatement++;
                    if (until == DrainUntil.PENDING_ANSWERED) {
                        clientOut.flush();
                        return;
                    }
                }
                case 'D' -> {
                    if (identity.active()) {
                        writeFrame(clientOut, identity.rewriteDataRow(from.readPayload()));
                    } else {
                        from.relayFrame(clientOut);
                    }
                }
                case 'G' -> {
                    from.relayFrame(clientOut);
                    clientOut.flush();
                    relayCopyIn();
                }
                case '1', '2', '3', 'T', 'n', 'C', 'I', 's', 'V' -> {
                    if (owed.isEmpty()) {
                        // Simple query: one CommandComplete or EmptyQueryResponse per statement.
                        if ((type == 'C' || type == 'I') && queryStatement < queryTags.size()
                                && queryTags.get(queryStatement) != null) {
                            from.readPayload();
                            writeFrame(clientOut, commandComplete(queryTags.get(queryStatement)));
                        } else {
                            from.relayFrame(clientOut);
                        }
                        if (type == 'C' || type == 'I') {
                            queryStatement++;
                        }
                        break;
                    }
                    Owed next = owed.poll();
                    if (next.swallow()) {
                        from.readPayload();
                    } else if (next.tag() != null && type == 'C') {
                        from.readPayload();
                        writeFrame(clientOut, commandComplete(next.tag()));
                    } else {
                        from.relayFrame(clientOut);
                    }
                    if (owed.isEmpty() && until == DrainUntil.PENDING_ANSWERED) {
                        clientOut.flush();
                        return;
                    }
                }
                default -> from.relayFrame(clientOut);
            }
        }
    }

    private static Frame commandComplete(String tag) {
        return new Frame((byte) 'C', new BackendMessages.Builder().cString(tag).toByteArray());
    }

    /** Our raises come from an anonymous PL/pgSQL block; DSQL's errors carry no such context. */
    private static Frame withoutRaiseContext(Frame error) {
        String payload = new String(error.payload(), java.nio.charset.StandardCharsets.UTF_8);
        if (!payload.contains(RaiseStatement.CONTEXT_MARKER)) {
            return error;
        }
        byte[] message = BackendMessages.errorResponse(ServerError.parse(error.payload()));
        return new Frame((byte) 'E', java.util.Arrays.copyOfRange(message, 5, message.length));
    }

    /** COPY FROM STDIN: the client streams CopyData until CopyDone or CopyFail. */
    private void relayCopyIn() throws IOException {
        OutputStream backendOut = backend.out;
        while (true) {
            int type = client.readHeader(MessageTypes.FRONTEND);
            if (type < 0) {
                throw new EOFException("client closed the connection during COPY");
            }
            client.relayFrame(backendOut);
            if (type == 'c' || type == 'f') {
                backendOut.flush();
                return;
            }
        }
    }

    private static void writeFrame(OutputStream out, Frame frame) throws IOException {
        int length = frame.payload().length + 4;
        out.write(frame.type());
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(frame.payload());
    }

    // ---------------------------------------------------------------- lifecycle

    private boolean enterIdle() throws IOException {
        synchronized (lifecycle) {
            if (expired) {
                sendFatal(connectionAgeError());
                return false;
            }
            idle = true;
            return true;
        }
    }

    private void leaveIdle() {
        synchronized (lifecycle) {
            idle = false;
        }
    }

    /**
     * Called by the watchdog when the connection reaches its maximum age: an idle session is told
     * and closed now; a busy one finishes its cycle first.
     */
    void expire() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            expired = true;
            if (idle) {
                sendFatalQuietly(connectionAgeError());
                closeTransport();
            }
        }
    }

    private ServerError connectionAgeError() {
        return ServerError.fatal("08006", "connection exceeded the maximum duration of "
                + settings.maxConnectionAge().toSeconds() + " seconds")
                .withHint("DSQL closes every connection after 60 minutes; pools must recycle connections before that.");
    }

    void cancelBackendQuery() {
        BackendConnection b = backend;
        if (b != null) {
            try {
                b.cancel();
            } catch (IOException e) {
                log.debug("cancel request could not reach the backing server", e);
            }
        }
    }

    private void sendFatal(ServerError error) throws IOException {
        clientOut.write(BackendMessages.errorResponse(error));
        clientOut.flush();
    }

    private void sendFatalQuietly(ServerError error) {
        try {
            if (clientOut != null && !transport.isClosed()) {
                sendFatal(error);
            }
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone or the stream is mid-frame; closing is all that is left
        }
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (IOException ignored) {
            // already closed by the peer
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the peer
        }
    }

    void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (backend != null) {
            backend.close();
        }
        server.registry().unregister(key);
        if (connectionSlotTaken) {
            server.releaseConnectionSlot();
        }
        closeTransport();
        server.sessionEnded(this);
    }
}
