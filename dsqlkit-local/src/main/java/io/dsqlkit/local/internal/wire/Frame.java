package io.dsqlkit.local.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * One typed protocol message as it came off the wire: the type byte and the payload after the
 * length word. The raw bytes are kept so that messages the front end does not change pass through
 * untouched.
 */
public record Frame(byte type, byte[] payload) {

    public char typeChar() {
        return (char) (type & 0xff);
    }

    /** Total size on the wire: type byte, length word, payload. */
    public int wireLength() {
        return 5 + payload.length;
    }

    /** Reads a NUL-terminated UTF-8 string starting at {@code offset}. */
    public String cString(int offset) {
        int end = offset;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return new String(payload, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Offset just past the NUL that ends the string starting at {@code offset}. */
    public int afterCString(int offset) {
        int end = offset;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return end + 1;
    }

    public int int32(int offset) {
        return ((payload[offset] & 0xff) << 24) | ((payload[offset + 1] & 0xff) << 16)
                | ((payload[offset + 2] & 0xff) << 8) | (payload[offset + 3] & 0xff);
    }

    /** A DataRow's first column as text ({@code null} for SQL NULL): one-value answers of the front end's own queries. */
    public String firstColumnText() {
        int length = int32(2);
        return length < 0 ? null : new String(payload, 6, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    public int int16(int offset) {
        return ((payload[offset] & 0xff) << 8) | (payload[offset + 1] & 0xff);
    }

    @Override
    public String toString() {
        return "Frame[" + typeChar() + ", " + payload.length + " bytes]";
    }
}
