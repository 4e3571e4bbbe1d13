package io.dsqlkit.local.testing;

import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.ServerError;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written PostgreSQL wire client for tests: sends byte-exact messages (well-formed or not)
 * and reads the server's answers as frames, so tests can assert on the protocol itself.
 */
public final class WireClient implements AutoCloseable {
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    private WireClient(Socket socket) throws IOException {
        use(socket);
    }

    public static WireClient connect(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new WireClient(socket);
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        this.out = s.getOutputStream();
    }

    /** SSLRequest, expect 'S', then a TLS handshake trusting {@code context}'s CA. */
    public WireClient startTls(SSLContext context, String host) throws IOException {
        send(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
        int answer = in.read();
        if (answer != 'S') {
            throw new IOException("server answered " + answer + " to SSLRequest");
        }
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        use(ssl);
        return this;
    }

    public static byte[] startupMessage(int protocol, String... params) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String p : params) {
            body.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(8 + b.length).putInt(8 + b.length).putInt(protocol).put(b).array();
    }

    public static byte[] message(char type, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) type).putInt(4 + payload.length).put(payload).array();
    }

    public static byte[] cStrings(String... strings) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String s : strings) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        return body.toByteArray();
    }

    public WireClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Startup as {@code user} with {@code password}; returns the frames up to ReadyForQuery or the error. */
    public List<Frame> login(String user, String password) throws IOException {
        send(startupMessage(196608, "user", user, "database", "postgres"));
        Frame auth = read();
        if (auth.typeChar() != 'R' || auth.int32(0) != 3) {
            return List.of(auth);
        }
        send(message('p', cStrings(password)));
        return readUntil('Z');
    }

    /** Reads one frame; throws EOFException if the server closed the connection. */
    public Frame read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("server closed the connection");
        }
        int length = in.readInt();
        byte[] payload = new byte[length - 4];
        in.readFully(payload);
        return new Frame((byte) type, payload);
    }

    /** Reads frames until one of {@code type} or an ErrorResponse, inclusive. */
    public List<Frame> readUntil(char type) throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            Frame frame = read();
            frames.add(frame);
            if (frame.typeChar() == type || frame.typeChar() == 'E' && type != 'Z') {
                return frames;
            }
        }
    }

    public static ServerError error(Frame frame) {
        if (frame.typeChar() != 'E') {
            throw new AssertionError("expected an ErrorResponse, got " + frame);
        }
        return ServerError.parse(frame.payload());
    }

    /** True if the server has closed the connection (EOF within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
