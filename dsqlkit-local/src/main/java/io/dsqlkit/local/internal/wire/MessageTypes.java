package io.dsqlkit.local.internal.wire;

/** A set of acceptable message type bytes, checked before a frame's length is trusted. */
public final class MessageTypes {
    /** What a client may send after startup (protocol 3.0, section "Message Formats"). */
    public static final MessageTypes FRONTEND = of("BCDEFHPQSXdcfp");
    /** Everything a PostgreSQL 16 backend may send. */
    public static final MessageTypes BACKEND = of("123ACDEGHIKNRSTVWZcdnstv");

    private final boolean[] allowed = new boolean[256];

    private MessageTypes() {
    }

    public static MessageTypes of(String types) {
        MessageTypes set = new MessageTypes();
        for (char c : types.toCharArray()) {
            set.allowed[c] = true;
        }
        return set;
    }

    public boolean contains(int type) {
        return type >= 0 && type < 256 && allowed[type];
    }
}
