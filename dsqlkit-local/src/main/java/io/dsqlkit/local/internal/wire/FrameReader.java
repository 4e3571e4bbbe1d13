package io.dsqlkit.local.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads protocol frames from a stream. Frame first, interpret later: the header is validated
 * (known type, sane length, under the cap) before a single payload byte is buffered, so a hostile
 * length prefix can never make the server allocate more than the cap.
 */
public final class FrameReader {
    /** PostgreSQL's own limit for a startup packet (MAX_STARTUP_PACKET_LENGTH). */
    public static final int MAX_STARTUP_PACKET_BYTES = 10_000;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] header = new byte[5];
    private final byte[] relayBuffer = new byte[16 * 1024];

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    public InputStream stream() {
        return in;
    }

    /**
     * Reads the first packet of a connection. Returns {@code null} on a clean EOF before any byte.
     */
    public StartupPacket readStartupPacket() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        return readStartupPacketAfter(first);
    }

    /** As {@link #readStartupPacket()}, for a caller that already consumed the first byte. */
    public StartupPacket readStartupPacketAfter(int firstByte) throws IOException {
        byte[] len = new byte[4];
        len[0] = (byte) firstByte;
        readFully(len, 1, 3, "startup packet length");
        int length = int32(len, 0);
        if (length < 8 || length > MAX_STARTUP_PACKET_BYTES) {
            throw new ProtocolException("invalid length of startup packet");
        }
        byte[] body = new byte[length - 4];
        readFully(body, 0, body.length, "startup packet");
        int code = int32(body, 0);
        switch (code) {
            case StartupPacket.SSL_REQUEST_CODE:
                requireLength(length, 8);
                return new StartupPacket.SslRequest();
            case StartupPacket.GSSENC_REQUEST_CODE:
                requireLength(length, 8);
                return new StartupPacket.GssEncRequest();
            case StartupPacket.CANCEL_REQUEST_CODE:
                requireLength(length, 16);
                return new StartupPacket.CancelRequest(int32(body, 4), int32(body, 8));
            default:
                return new StartupPacket.StartupMessage(code, parseParameters(body));
        }
    }

    private static void requireLength(int actual, int expected) throws ProtocolException {
        if (actual != expected) {
            throw new ProtocolException("invalid length of startup packet");
        }
    }

    private static Map<String, String> parseParameters(byte[] body) throws ProtocolException {
        Map<String, String> parameters = new LinkedHashMap<>();
        int pos = 4;
        while (true) {
            if (pos >= body.length) {
                throw new ProtocolException("invalid startup packet layout: expected terminator as last byte");
            }
            if (body[pos] == 0) {
                if (pos != body.length - 1) {
                    throw new ProtocolException("invalid startup packet layout: expected terminator as last byte");
                }
                return parameters;
            }
            int nameEnd = indexOfNul(body, pos);
            int valueEnd = nameEnd < 0 ? -1 : indexOfNul(body, nameEnd + 1);
            if (valueEnd < 0) {
                throw new ProtocolException("invalid startup packet layout: unterminated parameter");
            }
            String name = new String(body, pos, nameEnd - pos, StandardCharsets.UTF_8);
            String value = new String(body, nameEnd + 1, valueEnd - nameEnd - 1, StandardCharsets.UTF_8);
            parameters.put(name, value);
            pos = valueEnd + 1;
        }
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the header of the next typed message. Returns the type byte, or -1 on a clean EOF at a
     * message boundary; {@link #payloadLength()} then holds the payload length. The caller reads or
     * relays exactly that many bytes before the next header.
     */
    public int readHeader(MessageTypes allowed) throws IOException {
        int type = in.read();
        if (type < 0) {
            return -1;
        }
        if (!allowed.contains(type)) {
            throw new ProtocolException("invalid frontend message type " + type);
        }
        readFully(header, 1, 4, "message length");
        int length = int32(header, 1);
        if (length < 4) {
            throw new ProtocolException("invalid message length " + length);
        }
        if (length - 4 > maxFrameBytes) {
            // DSQL's words for a message over its maximum size (rule message_size_limit).
            throw new ProtocolException("invalid message length");
        }
        header[0] = (byte) type;
        payloadLength = length - 4;
        return type;
    }

    private int payloadLength;

    public int payloadLength() {
        return payloadLength;
    }

    /** Reads the payload announced by the last {@link #readHeader}. */
    public Frame readPayload() throws IOException {
        byte[] payload = new byte[payloadLength];
        readFully(payload, 0, payloadLength, "message payload");
        return new Frame(header[0], payload);
    }

    /** Reads a whole frame of any allowed type; {@code null} on a clean EOF. */
    public Frame readFrame(MessageTypes allowed) throws IOException {
        return readHeader(allowed) < 0 ? null : readPayload();
    }

    /** Copies the pending frame (header and payload) to {@code out} without buffering it whole. */
    public void relayFrame(OutputStream out) throws IOException {
        header[1] = (byte) ((payloadLength + 4) >>> 24);
        header[2] = (byte) ((payloadLength + 4) >>> 16);
        header[3] = (byte) ((payloadLength + 4) >>> 8);
        header[4] = (byte) (payloadLength + 4);
        out.write(header, 0, 5);
        int remaining = payloadLength;
        while (remaining > 0) {
            int n = in.read(relayBuffer, 0, Math.min(remaining, relayBuffer.length));
            if (n < 0) {
                throw new EOFException("connection closed inside a message payload");
            }
            out.write(relayBuffer, 0, n);
            remaining -= n;
        }
    }

    private void readFully(byte[] target, int offset, int length, String what) throws IOException {
        int read = 0;
        while (read < length) {
            int n = in.read(target, offset + read, length - read);
            if (n < 0) {
                throw new EOFException("connection closed inside " + what);
            }
            read += n;
        }
    }

    static int int32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }
}
