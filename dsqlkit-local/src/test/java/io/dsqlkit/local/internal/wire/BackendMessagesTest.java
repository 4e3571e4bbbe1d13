package io.dsqlkit.local.internal.wire;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackendMessagesTest {

    @Test
    void readyForQueryIsSixBytes() {
        assertThat(BackendMessages.readyForQuery('I')).containsExactly('Z', 0, 0, 0, 5, 'I');
    }

    @Test
    void authenticationRequests() {
        assertThat(BackendMessages.authenticationOk()).containsExactly('R', 0, 0, 0, 8, 0, 0, 0, 0);
        assertThat(BackendMessages.authenticationCleartextPassword()).containsExactly('R', 0, 0, 0, 8, 0, 0, 0, 3);
    }

    @Test
    void parameterStatusAndKeyData() {
        assertThat(new String(BackendMessages.parameterStatus("server_version", "16.15"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("S\0\0\0\u0019server_version\u000016.15\0");
        assertThat(BackendMessages.backendKeyData(1, -1)).containsExactly('K', 0, 0, 0, 12, 0, 0, 0, 1, -1, -1, -1, -1);
    }

    @Test
    void negotiateProtocolVersionListsUnrecognizedOptions() {
        byte[] message = BackendMessages.negotiateProtocolVersion(0, List.of("_pq_.x"));
        Frame frame = new Frame(message[0], Arrays.copyOfRange(message, 5, message.length));
        assertThat(frame.typeChar()).isEqualTo('v');
        assertThat(frame.int32(0)).isZero();
        assertThat(frame.int32(4)).isEqualTo(1);
        assertThat(frame.cString(8)).isEqualTo("_pq_.x");
    }

    @Test
    void errorResponseRoundTripsThroughTheParser() {
        ServerError error = ServerError.fatal("28P01", "IAM authentication failed for user \"admin\"")
                .withDetail("token expired").withHint("make a new token");
        byte[] message = BackendMessages.errorResponse(error);
        assertThat((char) message[0]).isEqualTo('E');
        assertThat(ServerError.parse(Arrays.copyOfRange(message, 5, message.length))).isEqualTo(error);
    }

    @Test
    void parserKeepsTheNonLocalizedSeverityAndSkipsUnknownFields() {
        byte[] payload = "SFEHLER\0VERROR\0C42601\0Msyntax error\0P8\0Fscan.l\0\0"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ServerError.parse(payload)).isEqualTo(new ServerError("ERROR", "42601", "syntax error", null, null));
    }
}
