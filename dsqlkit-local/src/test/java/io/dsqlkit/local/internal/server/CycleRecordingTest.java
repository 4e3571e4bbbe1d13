package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CycleRecordingTest {
    private final CycleRecording recording = new CycleRecording();

    private static Frame frame(char type, String payload) {
        return new Frame((byte) type, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String types(List<Frame> frames) {
        StringBuilder out = new StringBuilder();
        frames.forEach(f -> out.append(f.typeChar()));
        return out.toString();
    }

    @Test
    void anExtendedCycleReplaysItsPortalMessagesButNotItsStatementMessages() {
        recording.begin(true);
        recording.add(frame('C', "SS_1\0"));
        recording.add(frame('P', "\0update t set v = 1\0\0\0"));
        recording.add(frame('D', "SS_2\0"));
        recording.add(frame('B', "\0\0\0\0\0\0\0\0"));
        recording.add(frame('D', "P\0"));
        recording.add(frame('E', "\0\0\0\0\0"));
        recording.add(frame('S', ""));
        assertThat(recording.replayable()).isTrue();
        assertThat(recording.simple()).isFalse();
        assertThat(types(recording.replay())).isEqualTo("BDES");
        assertThat(recording.replay().get(1).payload()[0]).isEqualTo((byte) 'P');
    }

    @Test
    void aSimpleQueryReplaysAsSent() {
        recording.begin(true);
        Frame query = frame('Q', "begin; update t set v = 1; commit\0");
        recording.add(query);
        assertThat(recording.replayable()).isTrue();
        assertThat(recording.simple()).isTrue();
        assertThat(recording.replay()).containsExactly(query);
    }

    @Test
    void aCycleInsideATransactionIsNotRecorded() {
        recording.begin(false);
        recording.add(frame('Q', "update t set v = 1\0"));
        assertThat(recording.active()).isFalse();
        assertThat(recording.replayable()).isFalse();
    }

    @Test
    void aSecondExecuteOrAFunctionCallEndsTheRecording() {
        recording.begin(true);
        recording.add(frame('B', "\0\0\0\0\0\0\0\0"));
        recording.add(frame('E', "\0\0\0\0\0"));
        recording.add(frame('B', "\0\0\0\0\0\0\0\0"));
        assertThat(recording.replayable()).isFalse();

        recording.begin(true);
        recording.add(frame('F', "\0\0\0\0"));
        assertThat(recording.replayable()).isFalse();
    }

    @Test
    void aCycleWithoutExecuteHasNothingToReplay() {
        recording.begin(true);
        recording.add(frame('P', "\0select 1\0\0\0"));
        recording.add(frame('S', ""));
        assertThat(recording.active()).isTrue();
        assertThat(recording.replayable()).isFalse();
    }

    @Test
    void aHugePipelineIsNotHeldTwice() {
        recording.begin(true);
        for (int i = 0; i < 100; i++) {
            recording.add(frame('P', "\0select 1\0\0\0"));
        }
        assertThat(recording.active()).isFalse();
        assertThat(recording.replayable()).isFalse();
    }
}
