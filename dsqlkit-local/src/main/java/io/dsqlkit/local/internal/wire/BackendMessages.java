package io.dsqlkit.local.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encoders for the backend messages the front end writes itself (rather than relaying). */
public final class BackendMessages {
    private BackendMessages() {
    }

    /** AuthenticationOk: 'R', int32 0. */
    public static byte[] authenticationOk() {
        return message('R', new Builder().int32(0));
    }

    /** AuthenticationCleartextPassword: 'R', int32 3. DSQL asks for the token as a plain password over TLS. */
    public static byte[] authenticationCleartextPassword() {
        return message('R', new Builder().int32(3));
    }

    public static byte[] parameterStatus(String name, String value) {
        return message('S', new Builder().cString(name).cString(value));
    }

    public static byte[] backendKeyData(int processId, int secretKey) {
        return message('K', new Builder().int32(processId).int32(secretKey));
    }

    /** ReadyForQuery with the transaction status: 'I' idle, 'T' in a block, 'E' failed block. */
    public static byte[] readyForQuery(char status) {
        return message('Z', new Builder().byte1(status));
    }

    /** NegotiateProtocolVersion: newest minor version supported and the options not recognized. */
    public static byte[] negotiateProtocolVersion(int newestMinor, List<String> unrecognizedOptions) {
        Builder b = new Builder().int32(newestMinor).int32(unrecognizedOptions.size());
        unrecognizedOptions.forEach(b::cString);
        return message('v', b);
    }

    public static byte[] errorResponse(ServerError error) {
        return fields('E', error);
    }

    public static byte[] noticeResponse(ServerError notice) {
        return fields('N', notice);
    }

    private static byte[] fields(char type, ServerError error) {
        Builder b = new Builder();
        b.byte1('S').cString(error.severity());
        b.byte1('V').cString(error.severity());
        b.byte1('C').cString(error.sqlState());
        b.byte1('M').cString(error.message());
        if (error.detail() != null) {
            b.byte1('D').cString(error.detail());
        }
        if (error.hint() != null) {
            b.byte1('H').cString(error.hint());
        }
        b.byte1(0);
        return message(type, b);
    }

    public static byte[] message(char type, Builder body) {
        byte[] payload = body.toByteArray();
        byte[] out = new byte[payload.length + 5];
        out[0] = (byte) type;
        int length = payload.length + 4;
        out[1] = (byte) (length >>> 24);
        out[2] = (byte) (length >>> 16);
        out[3] = (byte) (length >>> 8);
        out[4] = (byte) length;
        System.arraycopy(payload, 0, out, 5, payload.length);
        return out;
    }

    /** Appends protocol primitives in network byte order. */
    public static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

        public Builder byte1(int b) {
            bytes.write(b);
            return this;
        }

        public Builder int16(int v) {
            bytes.write(v >>> 8);
            bytes.write(v);
            return this;
        }

        public Builder int32(int v) {
            bytes.write(v >>> 24);
            bytes.write(v >>> 16);
            bytes.write(v >>> 8);
            bytes.write(v);
            return this;
        }

        public Builder cString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
            bytes.write(0);
            return this;
        }

        public Builder bytes(byte[] b) {
            bytes.write(b, 0, b.length);
            return this;
        }

        public byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
