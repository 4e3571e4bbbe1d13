package io.dsqlkit.local.internal.wire;

import java.io.IOException;

/**
 * A peer broke the wire protocol (bad length, unknown message type, truncated frame). The session
 * that sees it answers {@code 08P01} and closes that one connection; the server is unaffected.
 */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
