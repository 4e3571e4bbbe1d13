package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.auth.InvalidTokenException;
import io.dsqlkit.local.internal.occ.SnapshotAnswer;
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
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    /** The longest a statement waits on another transaction's lock before it counts as a conflict. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(100);
    /**
     * The lock-wait bound while a COMMIT runs its deferred writes again: the transactions they wait
     * for are being made to lose meanwhile, which takes a probe round trip or two.
     */
    private static final String COMMIT_LOCK_WAIT_BOUND = "500ms";
    static final String LOCK_WAIT_BOUND = LOCK_WAIT.toMillis() + "ms";
    /** A cycle that keeps losing lock waits is replayed at most this often before it reports the conflict. */
    private static final int MAX_REPLAYS = 2;

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
    private final ArrayDeque<Owed> owed = new ArrayDeque<>();
    /** How to present portals bound in this cycle. */
    private final Map<String, StatementGate.Result> portalResults = new HashMap<>();
    private final Map<String, Guard> portalGuards = new HashMap<>();
    /** Parameter type section of each prepared statement's Parse, for snapshot queries. */
    private final Map<String, byte[]> statementParameterTypes = new HashMap<>();
    /** The current simple Query's plan and the index of its statement now answering. */
    private StatementGate.QueryPlan queryPlan = StatementGate.QueryPlan.unchanged("");
    private int queryStatement;
    /** Rows of a guarded simple-query statement, held until it is known not to conflict. */
    private final List<Frame> buffered = new ArrayList<>();
    private boolean jobsInCycle;
    private final StatementGate gate;

    /** The client's user name, for the lock probe's own connection. */
    private String user;
    /** The backend's transaction status at the last ReadyForQuery relayed. */
    private char readyStatus = 'I';
    /** A message of a new cycle has arrived since the last ReadyForQuery (guarded by {@link #lifecycle}). */
    private boolean cycleOpen;
    /** This cycle's frames, while it can still be replayed after a lost lock wait. */
    private final CycleRecording recording = new CycleRecording();
    /** Writes answered from their snapshot in the open transaction, to run again if it commits first. */
    private final DeferredWrites deferred = new DeferredWrites();
    /** An error was relayed in this cycle: the backend skips the client's messages up to its Sync. */
    private boolean skippingToSync;
    /** Active while this cycle runs DDL inside a transaction block; closed when the cycle ends. */
    private LockWaitBreaker ddlBreaker;
    /** How the recorded cycle's Execute is presented, for its replay. */
    private Owed recordedExecute;
    /** Replays of the current cycle so far, and whether one is due at the next ReadyForQuery. */
    private int replays;
    private boolean replayDue;
    /**
     * What a recorded simple Query has answered so far (command tags of statements a rollback undoes),
     * held back so that a replay can replace it; {@link #clientSink} is the client's stream meanwhile.
     */
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private OutputStream clientSink;

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
            stopBreakingLockWaits(); // only this thread touches the breaker
            close();
        }
    }

    // ---------------------------------------------------------------- startup phase

    private boolean handshake() throws IOException {
        socket.setTcpNoDelay(true);
        // The startup deadline closes the socket from the watchdog rather than using SO_TIMEOUT:
        // a read timeout switches the JDK socket to non-blocking mode for good, which costs an
        // extra poll and read on every later wait (docs/benchmarks.md).
        startupDeadline = server.afterDelay(settings.startupTimeout(), this::closeTransport);
        try {
            return negotiate();
        } finally {
            startupDeadline.cancel(false);
        }
    }

    private java.util.concurrent.Future<?> startupDeadline;

    private boolean negotiate() throws IOException {
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
        // DSQL never waits for a row lock (DSQL-FACTS §6): a wait longer than this is a conflict.
        backendParameters.putIfAbsent("lock_timeout", LOCK_WAIT_BOUND);
        BackendConnection.StartupResult result = BackendConnection.open(server.backendSocket(), backendParameters);
        if (result instanceof BackendConnection.StartupResult.Refused refused) {
            clientOut.write(BackendMessages.message('E', new BackendMessages.Builder().bytes(refused.error().payload())));
            clientOut.flush();
            return false;
        }
        backend = ((BackendConnection.StartupResult.Ready) result).connection();
        this.user = user;
        key = server.registry().register(this);
        server.registry().registerBackend(backend.processId(), this);

        OutputStream buffered = new BufferedOutputStream(clientOut, BUFFER_BYTES);
        buffered.write(BackendMessages.authenticationOk());
        for (Map.Entry<String, String> status : backend.parameterStatus().entrySet()) {
            buffered.write(BackendMessages.parameterStatus(status.getKey(), status.getValue()));
        }
        buffered.write(BackendMessages.backendKeyData(key.processId(), key.secretKey()));
        buffered.write(BackendMessages.readyForQuery('I'));
        buffered.flush();
        clientOut = buffered;
        if (!encrypted) {
            // No TLS can start any more, so plain-text input may now be buffered too: unbuffered,
            // every message would cost a read call for its type, its length and its payload.
            client = new FrameReader(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES), settings.maxFrameBytes());
        }
        return true;
    }

    // ---------------------------------------------------------------- relay phase

    private enum DrainUntil { READY_FOR_QUERY, PENDING_ANSWERED }

    /**
     * The terminal response the backend owes for one forwarded extended-protocol message, and how
     * to present it: relayed, swallowed (the front end's own message), presented differently, or
     * guarded (a statement wrapped in a savepoint whose conflict the front end absorbs).
     */
    private record Owed(StatementGate.Result result, Guard guard) {
        static final Owed RELAY = new Owed(null, null);
        static final Owed SWALLOW = new Owed(StatementGate.Result.SWALLOW, null);
    }

    /** A statement run under a savepoint: if it meets a conflict, it answers from its snapshot instead. */
    private record Guard(SnapshotAnswer answer, byte[] parameterTypes, byte[] bindParameters, byte[] resultFormats) {
    }

    private static final String OCC_SAVEPOINT = "dsql_local_occ";
    private static final String OCC_STATEMENT = "dsql_local_occ";

    private void relay() throws IOException {
        OutputStream backendOut = backend.out;
        while (true) {
            if (!enterIdle()) {
                return;
            }
            int type = client.readHeader(MessageTypes.FRONTEND);
            if (leaveIdle()) {
                beginCycle();
            }
            switch (type) {
                case -1 -> {
                    return;
                }
                case 'Q' -> simpleQuery(client.readPayload());
                case 'P' -> {
                    Frame parse = client.readPayload();
                    String name = parse.cString(0);
                    int sqlAt = parse.afterCString(0);
                    String sql = parse.cString(sqlAt);
                    byte[] p = parse.payload();
                    byte[] parameterTypes = Arrays.copyOfRange(p, parse.afterCString(sqlAt), p.length);
                    StatementGate.ParsePlan plan = gate.planParse(name, sql);
                    if (!plan.sql().equals(sql)) {
                        parse = parseFrame(name, plan.sql(), parameterTypes);
                    }
                    statementParameterTypes.put(name, parameterTypes);
                    identity.onParse(parse);
                    writeFrame(backendOut, parse);
                    recording.add(parse);
                    owed.add(Owed.RELAY);
                }
                case 'B' -> bind(client.readPayload());
                case 'E' -> execute(client.readPayload());
                case 'D', 'C' -> {
                    Frame frame = client.readPayload();
                    writeFrame(backendOut, frame);
                    recording.add(frame);
                    owed.add(Owed.RELAY);
                }
                case 'F' -> {
                    stopRecording();
                    client.relayFrame(backendOut);
                    owed.add(Owed.RELAY);
                }
                case 'S' -> {
                    Frame sync = client.readPayload();
                    writeFrame(backendOut, sync);
                    recording.add(sync);
                    backendOut.flush();
                    drain(DrainUntil.READY_FOR_QUERY);
                }
                case 'H' -> {
                    stopRecording();
                    client.relayFrame(backendOut);
                    backendOut.flush();
                    drain(DrainUntil.PENDING_ANSWERED);
                }
                case 'X' -> {
                    client.relayFrame(backendOut);
                    backendOut.flush();
                    return;
                }
                default -> {
                    stopRecording();
                    client.relayFrame(backendOut);
                }
            }
        }
    }

    /** The first message after a ReadyForQuery: a cycle outside a transaction is recorded for replay. */
    private void beginCycle() {
        recording.begin(readyStatus == 'I');
        recordedExecute = null;
        replays = 0;
        replayDue = false;
    }

    private void simpleQuery(Frame query) throws IOException {
        String sql = query.cString(0);
        StatementGate.QueryPlan plan;
        try {
            plan = gate.planQuery(sql);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // from commitFirst(), which the gate may call
        }
        Frame forwarded = plan.sql().equals(sql) ? query
                : new Frame((byte) 'Q', new BackendMessages.Builder().cString(plan.sql()).toByteArray());
        identity.onSimpleQuery(forwarded);
        queryPlan = plan;
        queryStatement = 0;
        if (plan.ddlInBlock()) {
            breakLockWaitsForDdl();
        }
        jobsInCycle |= plan.jobsSubmitted();
        recording.add(forwarded);
        if (recording.active()) {
            holdClientOutput();
        }
        writeFrame(backend.out, forwarded);
        backend.out.flush();
        drain(DrainUntil.READY_FOR_QUERY);
    }

    /**
     * Bind: the moment a prepared statement is about to run, so DSQL's transaction rules apply here
     * too (clients cache prepared statements). Bind layout: portal, statement, int16 nFormats,
     * formats, int16 nParams, (int32 len, bytes)*, int16 nResultFormats, formats.
     */
    private void bind(Frame bind) throws IOException {
        OutputStream backendOut = backend.out;
        String portal = bind.cString(0);
        int statementAt = bind.afterCString(0);
        String statement = bind.cString(statementAt);
        if (identity.watchesStatements()) {
            identity.onBind(bind);
        }
        StatementGate.Substitution substitution;
        try {
            substitution = gate.beforeExecute(statement);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // from commitFirst(), which the gate may call
        }
        portalGuards.remove(portal);
        portalResults.remove(portal);
        if (substitution != null) {
            stopRecording();
            // Run the substitute through the client's own portal name (a refusal raises in PostgreSQL).
            writeFrame(backendOut, parseFrame("", substitution.sql(), new byte[] {0, 0}));
            owed.add(Owed.SWALLOW);
            writeFrame(backendOut, new Frame((byte) 'B', new BackendMessages.Builder().cString(portal)
                    .cString("").int16(0).int16(0).int16(0).toByteArray()));
            owed.add(Owed.RELAY);
            if (substitution.result() != null) {
                portalResults.put(portal, substitution.result());
            }
            return;
        }
        SnapshotAnswer answer = gate.conflictAnswer(statement);
        if (answer != null) {
            byte[] p = bind.payload();
            int parametersAt = bind.afterCString(statementAt);
            int resultFormatsAt = skipBindParameters(bind, parametersAt);
            portalGuards.put(portal, new Guard(answer, statementParameterTypes.getOrDefault(statement, new byte[] {0, 0}),
                    Arrays.copyOfRange(p, parametersAt, resultFormatsAt), Arrays.copyOfRange(p, resultFormatsAt, p.length)));
            stopRecording();
            runOwnStatement("SAVEPOINT " + OCC_SAVEPOINT);
        }
        writeFrame(backendOut, bind);
        recording.add(bind);
        owed.add(Owed.RELAY);
        StatementGate.Result result = gate.resultFor(statement);
        if (result != null) {
            portalResults.put(portal, result);
        }
        jobsInCycle |= gate.submitsJobs(statement);
        if (gate.ddlInBlock(statement)) {
            breakLockWaitsForDdl();
        }
    }

    /**
     * DDL inside a transaction block is about to run: until the cycle ends, the transactions it
     * waits for lose (see {@link StatementGate#ddlInBlock(String)}). Rolled back under their idle
     * sessions, they keep their catalog version, so their next statement after this transaction
     * commits fails with OC001 as on DSQL.
     */
    private void breakLockWaitsForDdl() {
        if (ddlBreaker != null) {
            return;
        }
        ddlBreaker = LockWaitBreaker.start(server, user, route.database(), backend.processId(), this);
    }

    private void stopBreakingLockWaits() {
        if (ddlBreaker != null) {
            ddlBreaker.close();
            ddlBreaker = null;
        }
    }

    private void execute(Frame execute) throws IOException {
        String portal = execute.cString(0);
        writeFrame(backend.out, execute);
        Guard guard = portalGuards.remove(portal);
        Owed answer = new Owed(portalResults.get(portal), guard);
        owed.add(answer);
        recording.add(execute);
        recordedExecute = answer;
        if (guard != null) {
            // Learn the guarded statement's outcome before anything after it reaches the backend.
            backend.out.write(BackendConnection.FLUSH);
            backend.out.flush();
            drain(DrainUntil.PENDING_ANSWERED);
        }
    }

    /** Runs one statement of the front end's own inside the current pipeline; its answers are swallowed. */
    private void runOwnStatement(String sql) throws IOException {
        OutputStream backendOut = backend.out;
        // Named so the client's unnamed statement and portal are untouched; closed first so it can be reused.
        writeFrame(backendOut, new Frame((byte) 'C', new BackendMessages.Builder().byte1('P').cString(OCC_STATEMENT).toByteArray()));
        writeFrame(backendOut, new Frame((byte) 'C', new BackendMessages.Builder().byte1('S').cString(OCC_STATEMENT).toByteArray()));
        writeFrame(backendOut, parseFrame(OCC_STATEMENT, sql, new byte[] {0, 0}));
        writeFrame(backendOut, new Frame((byte) 'B', new BackendMessages.Builder().cString(OCC_STATEMENT)
                .cString(OCC_STATEMENT).int16(0).int16(0).int16(0).toByteArray()));
        writeFrame(backendOut, new Frame((byte) 'E', new BackendMessages.Builder().cString(OCC_STATEMENT).int32(0).toByteArray()));
        for (int i = 0; i < 5; i++) {
            owed.add(Owed.SWALLOW);
        }
    }

    private static int skipBindParameters(Frame bind, int at) {
        int formats = bind.int16(at);
        int pos = at + 2 + 2 * formats;
        int parameters = bind.int16(pos);
        pos += 2;
        for (int i = 0; i < parameters; i++) {
            int len = bind.int32(pos);
            pos += 4 + Math.max(len, 0);
        }
        return pos;
    }

    private static Frame parseFrame(String name, String sql, byte[] parameterTypes) {
        return new Frame((byte) 'P', new BackendMessages.Builder().cString(name).cString(sql).bytes(parameterTypes).toByteArray());
    }

    /** Relays backend messages to the client until the cycle ends. */
    private void drain(DrainUntil until) throws IOException {
        FrameReader from = backend.reader;
        if (until == DrainUntil.PENDING_ANSWERED && owed.isEmpty()) {
            clientOut.flush();
            return;
        }
        boolean recoverSimple = false;
        while (true) {
            int type = from.readHeader(MessageTypes.BACKEND);
            if (type < 0) {
                throw new EOFException("backing PostgreSQL closed the session");
            }
            if (recording.active() && !replayCanFollow(type)) {
                // The client sees this part of the cycle's outcome at once: a replay would repeat it.
                stopRecording();
            }
            switch (type) {
                case 'Z' -> {
                    Frame ready = from.readPayload();
                    if (replayDue) {
                        replayDue = false;
                        replayCycle((char) ready.payload()[0]);
                        break;
                    }
                    if (recoverSimple) {
                        boolean answered = answerFromSnapshot(queryPlan.conflictAnswer(), null);
                        ready = new Frame((byte) 'Z', new byte[] {(byte) (answered ? 'T' : 'E')});
                    }
                    endCycle(ready);
                    return;
                }
                case 'E' -> {
                    Frame error = from.readPayload();
                    ServerError parsed = ServerError.parse(error.payload());
                    Owed head = owed.peek();
                    if (head != null && head.guard() != null && isConflict(parsed)) {
                        // The guarded Execute met a conflict: absorb it, answer from the snapshot.
                        owed.clear();
                        recoverExtended(head);
                        if (until == DrainUntil.PENDING_ANSWERED) {
                            clientOut.flush();
                            return;
                        }
                        break;
                    }
                    if (owed.isEmpty() && queryPlan.guarded() == queryStatement && isConflict(parsed)) {
                        recoverSimple = true;
                        buffered.clear();
                        break;
                    }
                    if (until == DrainUntil.READY_FOR_QUERY && replayable(parsed)) {
                        // Swallowed: the cycle runs again once the transactions it waited for have lost.
                        replayDue = true;
                        break;
                    }
                    writeFrame(clientOut, presentError(error, parsed));
                    skippingToSync = true;
                    gate.onError();
                    // After an error the backend skips everything up to Sync: nothing more is owed.
                    owed.clear();
                    queryStatement++;
                    if (until == DrainUntil.PENDING_ANSWERED) {
                        clientOut.flush();
                        return;
                    }
                }
                case 'D', 'T' -> {
                    if (owed.isEmpty() && queryPlan.guarded() == queryStatement) {
                        // Rows of a guarded statement wait until it is known not to conflict.
                        buffered.add(from.readPayload());
                        if (type == 'D' && buffered.size() > MAX_BUFFERED_GUARDED_ROWS) {
                            flushBuffered();
                        }
                    } else if (type == 'D' && identity.active()) {
                        writeFrame(clientOut, identity.rewriteDataRow(from.readPayload()));
                    } else if (type == 'T' && !owed.isEmpty()) {
                        terminal(from, type);
                        if (until == DrainUntil.PENDING_ANSWERED && onlyOwnStatementsOwed()) {
                            clientOut.flush();
                            return;
                        }
                    } else {
                        from.relayFrame(clientOut);
                    }
                }
                case 'G' -> {
                    from.relayFrame(clientOut);
                    clientOut.flush();
                    relayCopyIn();
                }
                case '1', '2', '3', 'n', 'C', 'I', 's', 'V' -> {
                    if (owed.isEmpty()) {
                        simpleTerminal(from, type);
                        break;
                    }
                    terminal(from, type);
                    if (until == DrainUntil.PENDING_ANSWERED && onlyOwnStatementsOwed()) {
                        clientOut.flush();
                        return;
                    }
                }
                default -> from.relayFrame(clientOut);
            }
        }
    }

    /**
     * After Flush the client is owed nothing more once only the front end's own trailing statements
     * (a savepoint release) remain; their answers are swallowed in a later drain, in order.
     */
    private boolean onlyOwnStatementsOwed() {
        for (Owed o : owed) {
            if (o != Owed.SWALLOW) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the cycle can still be replayed after this backend message. In the extended protocol,
     * ParseComplete, BindComplete and descriptions come again identically in a replay and are
     * swallowed there, but results cannot be taken back. In a simple Query, command tags, empty
     * queries and notices are held back (command tags are checked in {@link #simpleTerminal}); rows,
     * COPY and anything else go to the client at once.
     */
    private boolean replayCanFollow(int type) {
        if (type == 'E' || type == 'Z') {
            return true;
        }
        if (recording.simple()) {
            return (type == 'C' || type == 'I' || type == 'N') && held.size() < MAX_HELD_BYTES;
        }
        return type != 'D' && type != 'C' && type != 'I' && type != 's' && type != 'G' && type != 'H' && type != 'W';
    }

    /** A statement's command tag names work that the failed attempt's rollback undid entirely. */
    private static boolean undoneByRollback(String tag) {
        int space = tag.indexOf(' ');
        String command = space < 0 ? tag : tag.substring(0, space);
        return switch (command) {
            case "BEGIN", "START", "INSERT", "UPDATE", "DELETE", "MERGE" -> true;
            default -> false;
        };
    }

    private static final int MAX_HELD_BYTES = 64 * 1024;

    private void holdClientOutput() {
        if (clientSink == null) {
            clientSink = clientOut;
            clientOut = held;
        }
    }

    /** Sends what was held back, in order, and relays directly from now on. */
    private void releaseClientOutput() throws IOException {
        if (clientSink != null) {
            held.writeTo(clientSink);
            held.reset();
            clientOut = clientSink;
            clientSink = null;
        }
    }

    /** The cycle can no longer be replayed. */
    private void stopRecording() throws IOException {
        recording.abandon();
        releaseClientOutput();
    }

    /**
     * A statement outside a transaction block lost a lock wait. On DSQL it would not have waited:
     * it commits, and the open transactions it met fail at their COMMIT. So, if the client has seen
     * nothing of the cycle yet and another session holds a transaction open between its cycles, the
     * cycle runs again while the front end makes the transactions it waits for lose.
     */
    private boolean replayable(ServerError error) {
        return isLockWait(error) && recording.replayable() && replays < MAX_REPLAYS
                && server.registry().anyIdleInTransaction(this);
    }

    /** Resends the recorded cycle, then rolls back and dooms the idle transactions it waits for. */
    private void replayCycle(char status) throws IOException {
        replays++;
        owed.clear();
        buffered.clear();
        held.reset();
        queryStatement = 0;
        if (status != 'I') {
            // The failed attempt had begun a transaction block of its own (BEGIN in the string).
            runOwnQuery("ROLLBACK");
        }
        for (Frame frame : recording.replay()) {
            writeFrame(backend.out, frame);
            switch (frame.typeChar()) {
                case 'B', 'D' -> owed.add(Owed.SWALLOW); // the client has these answers from the first run
                case 'E' -> owed.add(recordedExecute);
                default -> {
                    // Query and Sync owe no terminal response
                }
            }
        }
        backend.out.flush();
        int victims = 0;
        try (LockWaitProbe probe = LockWaitProbe.open(server.backendSocket(), user, route.database())) {
            victims = LockWaitBreaker.makeIdleBlockersLose(server.registry(),
                    probe.blockersOf(backend.processId(), LOCK_WAIT), this);
        } catch (IOException e) {
            log.debug("lock probe failed; the replay waits as the first run did: {}", e.toString());
        }
        log.debug("replayed a cycle that lost a lock wait; {} idle transaction(s) made to lose", victims);
    }

    /**
     * The gate's {@link StatementGate.ConflictRecovery} at a COMMIT of a transaction whose writes met
     * other transactions' uncommitted changes and were answered from their snapshot. On DSQL this
     * COMMIT wins if those transactions are still open: so the writes run again now, while the
     * transactions they wait for are made to lose. If one of those committed first (a serialization
     * failure) or is busy mid-cycle (the wait runs out), the writes fail and so does the COMMIT.
     */
    private boolean commitFirst() {
        try {
            if (!owed.isEmpty()) {
                // The client's earlier messages of this pipeline must be answered first.
                backend.out.write(BackendConnection.FLUSH);
                backend.out.flush();
                drain(DrainUntil.PENDING_ANSWERED);
            }
            if (skippingToSync || deferred.isEmpty() || deferred.metTransactionCommitted(backend)) {
                deferred.clear();
                return false;
            }
            try (LockWaitBreaker breaker = LockWaitBreaker.start(server, user, route.database(), backend.processId(), this)) {
                boolean won = deferred.runAgain(backend, COMMIT_LOCK_WAIT_BOUND);
                log.debug("a transaction with deferred writes committing first {}", won ? "won" : "lost");
                return won;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another session's statement outside a transaction block waits for this session's transaction.
     * On DSQL that statement commits and this transaction fails at its COMMIT (DSQL-FACTS §6), so if
     * this session is between cycles its transaction is rolled back now, a fresh one is begun in its
     * place and doomed. Mid-cycle, the session's backend is in use and nothing happens.
     */
    boolean loseToCommittingWriter() {
        synchronized (lifecycle) {
            if (!idleInTransaction()) {
                return false;
            }
            try {
                runOwnQuery("ROLLBACK");
                runOwnQuery("BEGIN");
            } catch (IOException e) {
                log.debug("could not roll back an idle transaction for a committing writer: {}", e.toString());
                return false;
            }
            gate.doomTransaction();
            return true;
        }
    }

    /** Idle between two cycles with a transaction open: the backend is free for the front end's own use. */
    boolean idleInTransaction() {
        synchronized (lifecycle) {
            return idle && !cycleOpen && !closed && readyStatus == 'T';
        }
    }

    /** A lock wait cut short by lock_timeout (the backend then rolled back the statement's work). */
    static boolean isLockWait(ServerError error) {
        String message = error.message() == null ? "" : error.message();
        return "55P03".equals(error.sqlState()) && message.contains("lock timeout");
    }

    private static final int MAX_BUFFERED_GUARDED_ROWS = 10_000;

    /** Simple query: one CommandComplete or EmptyQueryResponse per statement. */
    private void simpleTerminal(FrameReader from, int type) throws IOException {
        boolean completes = type == 'C' || type == 'I';
        StatementGate.Result override = completes && queryStatement < queryPlan.overrides().size()
                ? queryPlan.overrides().get(queryStatement) : null;
        if (completes && queryPlan.guarded() == queryStatement) {
            flushBuffered();
        }
        if (recording.active() && type == 'C') {
            Frame complete = from.readPayload();
            if (!undoneByRollback(complete.cString(0))) {
                stopRecording();
            }
            if (override == null) {
                writeFrame(clientOut, complete);
            } else {
                present(override);
            }
        } else if (override == null) {
            from.relayFrame(clientOut);
        } else {
            from.readPayload();
            present(override);
        }
        if (completes) {
            queryStatement++;
        }
    }

    /** Extended protocol: the terminal response owed for the oldest forwarded message. */
    private void terminal(FrameReader from, int type) throws IOException {
        Owed next = owed.poll();
        if (next.result() == null || type != 'C' && !(next.result() instanceof StatementGate.Result.Swallow)) {
            from.relayFrame(clientOut);
        } else {
            from.readPayload();
            present(next.result());
        }
        if (next.guard() != null) {
            // The guarded statement went through: drop its savepoint.
            runOwnStatement("RELEASE SAVEPOINT " + OCC_SAVEPOINT);
        }
    }

    private void present(StatementGate.Result result) throws IOException {
        if (result instanceof StatementGate.Result.Tag tag) {
            writeFrame(clientOut, commandComplete(tag.tag()));
        } else if (result instanceof StatementGate.Result.Fail fail) {
            writeFrame(clientOut, errorFrame(fail.error()));
        }
    }

    private void flushBuffered() throws IOException {
        for (Frame frame : buffered) {
            writeFrame(clientOut, frame.typeChar() == 'D' && identity.active() ? identity.rewriteDataRow(frame) : frame);
        }
        buffered.clear();
    }

    private void endCycle(Frame ready) throws IOException {
        stopBreakingLockWaits();
        synchronized (lifecycle) {
            cycleOpen = false;
        }
        owed.clear();
        portalResults.clear();
        portalGuards.clear();
        buffered.clear();
        queryPlan = StatementGate.QueryPlan.unchanged("");
        identity.onCycleEnd();
        char status = (char) ready.payload()[0];
        readyStatus = status;
        skippingToSync = false;
        if (status == 'I') {
            deferred.clear();
        }
        gate.onReadyForQuery(status);
        if (jobsInCycle && status == 'I') {
            server.jobsCommitted(route);
        }
        jobsInCycle = false;
        releaseClientOutput();
        writeFrame(clientOut, ready);
        clientOut.flush();
    }

    /**
     * A guarded Execute met a conflict. The backend now skips to Sync, so: Sync, roll back to the
     * savepoint, then run the snapshot equivalent with the same parameters and present its answer
     * as the statement's.
     */
    private void recoverExtended(Owed guarded) throws IOException {
        backend.out.write(BackendConnection.SYNC);
        backend.out.flush();
        skipUntilReady();
        runOwnQuery("ROLLBACK TO SAVEPOINT " + OCC_SAVEPOINT + "; RELEASE SAVEPOINT " + OCC_SAVEPOINT);
        answerFromSnapshot(guarded.guard().answer(), guarded.guard());
    }

    /**
     * Presents what the guarded statement would have answered on DSQL, and defers the statement to
     * its transaction's COMMIT, which fails unless it can win there ({@link #commitFirst()}). If the
     * snapshot query itself fails (its transaction is then aborted), the conflict is reported at
     * once instead; returns whether the statement was answered.
     */
    private boolean answerFromSnapshot(SnapshotAnswer answer, Guard guard) throws IOException {
        if (guard == null) {
            runOwnQuery("ROLLBACK TO SAVEPOINT " + OCC_SAVEPOINT + "; RELEASE SAVEPOINT " + OCC_SAVEPOINT);
        }
        deferred.noteOpenTransactions(backend);
        if (guard == null) {
            deferred.add(answer.statement());
        } else {
            deferred.add(answer.statement(), guard.parameterTypes(), guard.bindParameters());
        }
        gate.conflictDeferred(this::commitFirst);
        try {
            answer(answer, guard);
            return true;
        } catch (SnapshotQueryFailed e) {
            log.debug("snapshot answer failed; reporting the conflict at once: {}", e.getMessage());
            writeFrame(clientOut, errorFrame(CONFLICT));
            gate.onError();
            return false;
        }
    }

    /** The snapshot query failed in the backend (for example an untyped parameter it no longer uses). */
    private static final class SnapshotQueryFailed extends Exception {
        private static final long serialVersionUID = 1L;

        SnapshotQueryFailed(String message) {
            super(message, null, false, false);
        }
    }

    private void answer(SnapshotAnswer answer, Guard guard) throws IOException, SnapshotQueryFailed {
        switch (answer.kind()) {
            case FIXED_COUNT -> writeFrame(clientOut, commandComplete(answer.tag(answer.fixedCount())));
            case COUNT_QUERY -> {
                List<Frame> rows = runSnapshotQuery(answer.sql(), guard, new byte[] {0, 0});
                long count = rows.stream().filter(f -> f.typeChar() == 'D').findFirst()
                        .map(row -> Long.parseLong(row.firstColumnText()))
                        .orElse(0L);
                writeFrame(clientOut, commandComplete(answer.tag(count)));
            }
            case ROWS -> {
                byte[] formats = guard == null ? new byte[] {0, 0} : guard.resultFormats();
                for (Frame frame : runSnapshotQuery(answer.sql(), guard, formats)) {
                    // In the extended protocol the client already has the RowDescription from Describe.
                    if (frame.typeChar() == 'D' || frame.typeChar() == 'C' || frame.typeChar() == 'T' && guard == null) {
                        writeFrame(clientOut, frame.typeChar() == 'D' && identity.active() ? identity.rewriteDataRow(frame) : frame);
                    }
                }
            }
        }
    }

    /** Runs a snapshot query with the guarded statement's parameters; returns its T/D/C frames. */
    private List<Frame> runSnapshotQuery(String sql, Guard guard, byte[] resultFormats)
            throws IOException, SnapshotQueryFailed {
        OutputStream out = backend.out;
        writeFrame(out, parseFrame("", sql, guard == null ? new byte[] {0, 0} : guard.parameterTypes()));
        BackendMessages.Builder bind = new BackendMessages.Builder().cString("").cString("");
        if (guard == null) {
            bind.int16(0).int16(0);
        } else {
            bind.bytes(guard.bindParameters());
        }
        writeFrame(out, new Frame((byte) 'B', bind.bytes(resultFormats).toByteArray()));
        writeFrame(out, new Frame((byte) 'D', new BackendMessages.Builder().byte1('P').cString("").toByteArray()));
        writeFrame(out, new Frame((byte) 'E', new BackendMessages.Builder().cString("").int32(0).toByteArray()));
        out.write(BackendConnection.SYNC);
        out.flush();
        List<Frame> frames = new ArrayList<>();
        ServerError failure = null;
        while (true) {
            Frame frame = backend.reader.readFrame(MessageTypes.BACKEND);
            if (frame == null) {
                throw new EOFException("backing PostgreSQL closed the session");
            }
            switch (frame.typeChar()) {
                case 'T', 'D', 'C' -> frames.add(frame);
                case 'E' -> failure = ServerError.parse(frame.payload());
                case 'Z' -> {
                    if (failure != null) {
                        throw new SnapshotQueryFailed(failure.message() + " [" + sql + "]");
                    }
                    return frames;
                }
                default -> {
                    // ParseComplete, BindComplete, notices: internal
                }
            }
        }
    }

    /** Runs the front end's own simple query and swallows everything it answers. */
    private void runOwnQuery(String sql) throws IOException {
        writeFrame(backend.out, new Frame((byte) 'Q', new BackendMessages.Builder().cString(sql).toByteArray()));
        backend.out.flush();
        skipUntilReady();
    }

    private void skipUntilReady() throws IOException {
        backend.skipUntilReady();
    }

    /**
     * A conflict in PostgreSQL's terms: a serialization failure under REPEATABLE READ, a deadlock, or
     * a lock wait cut short by the session's lock_timeout (DSQL never waits for a lock).
     */
    static boolean isConflict(ServerError error) {
        String message = error.message() == null ? "" : error.message();
        if (message.contains("(OC00")) {
            return false; // already DSQL's own answer, raised by the front end
        }
        return "40001".equals(error.sqlState()) || "40P01".equals(error.sqlState())
                || "55P03".equals(error.sqlState()) && message.contains("lock timeout");
    }

    /** DSQL's answer to a conflict it could not absorb (autocommit, or a statement without a snapshot equivalent). */
    static final ServerError CONFLICT = ServerError.error("40001", "change conflicts with another transaction (OC000)");

    private Frame presentError(Frame error, ServerError parsed) {
        if (isConflict(parsed)) {
            return errorFrame(CONFLICT);
        }
        // Refusals raised inside PostgreSQL (by the front end or by the cluster's triggers) carry a
        // PL/pgSQL context that DSQL's errors do not have.
        return withoutRaiseContext(error);
    }

    private static Frame errorFrame(ServerError error) {
        byte[] message = BackendMessages.errorResponse(error);
        return new Frame((byte) 'E', Arrays.copyOfRange(message, 5, message.length));
    }

    private static Frame commandComplete(String tag) {
        return new Frame((byte) 'C', new BackendMessages.Builder().cString(tag).toByteArray());
    }

    /** Our raises come from an anonymous PL/pgSQL block or a cluster function; DSQL's errors carry no such context. */
    private static Frame withoutRaiseContext(Frame error) {
        String payload = new String(error.payload(), StandardCharsets.UTF_8);
        if (!payload.contains(RaiseStatement.CONTEXT_MARKER) && !payload.contains(RaiseStatement.FUNCTION_CONTEXT_MARKER)) {
            return error;
        }
        return errorFrame(ServerError.parse(error.payload()));
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

    /** Returns whether this message opens a new cycle. */
    private boolean leaveIdle() {
        synchronized (lifecycle) {
            idle = false;
            boolean opens = !cycleOpen;
            cycleOpen = true;
            return opens;
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
        releaseClientOutput();
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
        if (backend != null) {
            server.registry().unregisterBackend(backend.processId(), this);
        }
        if (connectionSlotTaken) {
            server.releaseConnectionSlot();
        }
        closeTransport();
        server.sessionEnded(this);
    }
}
