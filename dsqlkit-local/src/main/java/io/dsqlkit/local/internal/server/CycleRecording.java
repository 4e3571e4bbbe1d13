package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames one protocol cycle forwarded to the backing PostgreSQL, kept while the cycle began
 * outside a transaction block so that it can run again after it lost a lock wait to a transaction
 * that DSQL would let it beat (see {@link LockWaitProbe}).
 *
 * <p>Only a cycle of the shapes the replay understands stays replayable: a simple Query, or
 * extended-protocol Parse/Close/Describe/Bind messages followed by exactly one Execute and the Sync.
 * Named prepared statements outlive the failed implicit transaction, so a replay resends only the
 * Bind, portal Describe, Execute and Sync; portals die with the transaction and are bound again.
 */
final class CycleRecording {
    /** A cycle's frames are kept only up to this many, so a huge pipeline is never held twice. */
    private static final int MAX_FRAMES = 64;

    private final List<Frame> frames = new ArrayList<>();
    private boolean recording;
    private boolean replayable;
    private boolean executed;
    private boolean simple;

    /** A new cycle begins; it is recorded when the backend was not inside a transaction. */
    void begin(boolean outsideTransaction) {
        frames.clear();
        recording = outsideTransaction;
        replayable = outsideTransaction;
        executed = false;
        simple = false;
    }

    boolean active() {
        return recording;
    }

    /** The cycle took a shape the replay does not cover. */
    void abandon() {
        recording = false;
        replayable = false;
        frames.clear();
    }

    void add(Frame frame) {
        if (!recording) {
            return;
        }
        char type = frame.typeChar();
        if (frames.size() >= MAX_FRAMES || executed && type != 'S' || simple || type == 'Q' && !frames.isEmpty()) {
            abandon();
            return;
        }
        switch (type) {
            case 'Q' -> simple = true;
            case 'E' -> executed = true;
            case 'P', 'B', 'D', 'C', 'S' -> {
                // the extended messages a replay knows how to resend
            }
            default -> {
                abandon();
                return;
            }
        }
        frames.add(frame);
    }

    boolean replayable() {
        return replayable && (simple || executed);
    }

    boolean simple() {
        return simple;
    }

    /** The frames to send again: the Query, or everything but Parse, Close and statement Describe. */
    List<Frame> replay() {
        List<Frame> out = new ArrayList<>();
        for (Frame frame : frames) {
            char type = frame.typeChar();
            boolean statementLevel = type == 'P' || type == 'C' || type == 'D' && frame.payload()[0] == 'S';
            if (!statementLevel) {
                out.add(frame);
            }
        }
        return out;
    }
}
