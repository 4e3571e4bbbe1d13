package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.BackendMessages;
import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.FrameReader;
import io.dsqlkit.local.internal.wire.MessageTypes;
import io.dsqlkit.local.internal.wire.ProtocolException;
import io.dsqlkit.local.internal.wire.StartupPacket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session's connection to the backing PostgreSQL, over its Unix-domain socket with trust
 * authentication (the front end has already checked the client's IAM token).
 */
final class BackendConnection implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Flush and Sync, the two body-less frontend messages the front end sends on its own. */
    static final byte[] FLUSH = {'H', 0, 0, 0, 4};
    static final byte[] SYNC = {'S', 0, 0, 0, 4};
    /** Backend messages are trusted, but still bounded: PostgreSQL itself never sends more than 1 GB. */
    private static final int MAX_BACKEND_FRAME_BYTES = 1 << 30;

    private final Path socketFile;
    private final SocketChannel channel;
    final FrameReader reader;
    final OutputStream out;
    private int processId;
    private int secretKey;
    private final Map<String, String> parameterStatus = new LinkedHashMap<>();

    private BackendConnection(Path socketFile, SocketChannel channel) {
        this.socketFile = socketFile;
        this.channel = channel;
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES);
        this.reader = new FrameReader(in, MAX_BACKEND_FRAME_BYTES);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
    }

    /** Result of the backend's startup: either ready, or the FATAL error frame it answered with. */
    sealed interface StartupResult {
        record Ready(BackendConnection connection) implements StartupResult {
        }

        record Refused(Frame error) implements StartupResult {
        }
    }

    static StartupResult open(Path socketFile, Map<String, String> startupParameters) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socketFile));
            BackendConnection connection = new BackendConnection(socketFile, channel);
            Frame refusal = connection.startup(startupParameters);
            if (refusal != null) {
                connection.close();
                return new StartupResult.Refused(refusal);
            }
            return new StartupResult.Ready(connection);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Frame startup(Map<String, String> parameters) throws IOException {
        BackendMessages.Builder body = new BackendMessages.Builder().int32(StartupPacket.PROTOCOL_3_0);
        parameters.forEach((k, v) -> body.cString(k).cString(v));
        body.byte1(0);
        byte[] payload = body.toByteArray();
        byte[] packet = new byte[payload.length + 4];
        int length = packet.length;
        packet[0] = (byte) (length >>> 24);
        packet[1] = (byte) (length >>> 16);
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        out.write(packet);
        out.flush();
        while (true) {
            Frame frame = reader.readFrame(MessageTypes.BACKEND);
            if (frame == null) {
                throw new ProtocolException("backing PostgreSQL closed the connection during startup");
            }
            switch (frame.typeChar()) {
                case 'R' -> {
                    if (frame.int32(0) != 0) {
                        throw new ProtocolException("backing PostgreSQL asked for authentication type "
                                + frame.int32(0) + "; it must trust its Unix socket");
                    }
                }
                case 'S' -> parameterStatus.put(frame.cString(0), frame.cString(frame.afterCString(0)));
                case 'K' -> {
                    processId = frame.int32(0);
                    secretKey = frame.int32(4);
                }
                case 'Z' -> {
                    return null;
                }
                case 'E' -> {
                    return frame;
                }
                default -> {
                    // NoticeResponse and anything else harmless before ReadyForQuery
                }
            }
        }
    }

    /** Reads and drops everything up to and including the next ReadyForQuery. */
    void skipUntilReady() throws IOException {
        while (true) {
            Frame frame = reader.readFrame(MessageTypes.BACKEND);
            if (frame == null) {
                throw new EOFException("backing PostgreSQL closed the session");
            }
            if (frame.typeChar() == 'Z') {
                return;
            }
        }
    }

    /** The backing server's process id for this connection (its BackendKeyData). */
    int processId() {
        return processId;
    }

    Map<String, String> parameterStatus() {
        return parameterStatus;
    }

    /** Asks the backing server to cancel whatever this connection is running. */
    void cancel() throws IOException {
        try (SocketChannel cancel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            cancel.connect(UnixDomainSocketAddress.of(socketFile));
            ByteBuffer packet = ByteBuffer.allocate(16);
            packet.putInt(16).putInt(StartupPacket.CANCEL_REQUEST_CODE).putInt(processId).putInt(secretKey).flip();
            while (packet.hasRemaining()) {
                cancel.write(packet);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a local socket cannot fail in a way the session could act on
        }
    }
}
