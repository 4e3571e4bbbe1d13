package io.dsqlkit.local.internal.wire;

import java.util.Map;

/**
 * The untyped packets a client may open a connection with (length word, then a 32-bit code).
 *
 * <pre>
 *   Int32 len | Int32 196608 (3.0) | (name\0 value\0)* \0     StartupMessage
 *   Int32 8   | Int32 80877103                              SSLRequest
 *   Int32 8   | Int32 80877104                              GSSENCRequest
 *   Int32 16  | Int32 80877102 | Int32 pid | Int32 secret   CancelRequest
 * </pre>
 */
public sealed interface StartupPacket {
    int PROTOCOL_3_0 = 196608;
    int SSL_REQUEST_CODE = 80877103;
    int GSSENC_REQUEST_CODE = 80877104;
    int CANCEL_REQUEST_CODE = 80877102;

    /** A connection request; {@code protocol} is major in the high 16 bits, minor in the low 16. */
    record StartupMessage(int protocol, Map<String, String> parameters) implements StartupPacket {
        public int majorVersion() {
            return protocol >>> 16;
        }

        public int minorVersion() {
            return protocol & 0xffff;
        }
    }

    record SslRequest() implements StartupPacket {
    }

    record GssEncRequest() implements StartupPacket {
    }

    record CancelRequest(int processId, int secretKey) implements StartupPacket {
    }
}
