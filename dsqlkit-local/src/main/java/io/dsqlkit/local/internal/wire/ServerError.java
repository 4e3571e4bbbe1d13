package io.dsqlkit.local.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * The fields of an ErrorResponse or NoticeResponse that DSQL Local writes or inspects.
 *
 * @param severity {@code ERROR}, {@code FATAL}, {@code NOTICE}...
 * @param sqlState five-character SQLSTATE
 */
public record ServerError(String severity, String sqlState, String message, String detail, String hint) {

    public static ServerError error(String sqlState, String message) {
        return new ServerError("ERROR", sqlState, message, null, null);
    }

    public static ServerError fatal(String sqlState, String message) {
        return new ServerError("FATAL", sqlState, message, null, null);
    }

    public ServerError withDetail(String newDetail) {
        return new ServerError(severity, sqlState, message, newDetail, hint);
    }

    public ServerError withHint(String newHint) {
        return new ServerError(severity, sqlState, message, detail, newHint);
    }

    /** Decodes the payload of an ErrorResponse/NoticeResponse frame (fields we do not model are skipped). */
    public static ServerError parse(byte[] payload) {
        String severity = null;
        String code = null;
        String message = null;
        String detail = null;
        String hint = null;
        int pos = 0;
        while (pos < payload.length && payload[pos] != 0) {
            byte field = payload[pos++];
            int end = pos;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            String value = new String(payload, pos, end - pos, StandardCharsets.UTF_8);
            pos = end + 1;
            switch (field) {
                case 'V' -> severity = value;
                case 'S' -> severity = severity == null ? value : severity;
                case 'C' -> code = value;
                case 'M' -> message = value;
                case 'D' -> detail = value;
                case 'H' -> hint = value;
                default -> {
                }
            }
        }
        return new ServerError(severity, code, message, detail, hint);
    }
}
