package io.dsqlkit.local.internal.wire;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameReaderTest {

    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(new ByteArrayInputStream(bytes), 1024);
    }

    static byte[] startup(int code, String... params) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String p : params) {
            body.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        if (params.length > 0) {
            body.write(0);
        }
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(8 + b.length).putInt(8 + b.length).putInt(code).put(b).array();
    }

    static byte[] typed(char type, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) type).putInt(4 + payload.length).put(payload).array();
    }

    @Test
    void decodesStartupMessageParametersInOrder() throws IOException {
        StartupPacket packet = reader(startup(StartupPacket.PROTOCOL_3_0, "user", "admin", "database", "postgres"))
                .readStartupPacket();
        assertThat(packet).isEqualTo(new StartupPacket.StartupMessage(196608,
                Map.of("user", "admin", "database", "postgres")));
        StartupPacket.StartupMessage message = (StartupPacket.StartupMessage) packet;
        assertThat(message.majorVersion()).isEqualTo(3);
        assertThat(message.minorVersion()).isZero();
    }

    @Test
    void decodesSslGssAndCancelRequests() throws IOException {
        assertThat(reader(startup(StartupPacket.SSL_REQUEST_CODE)).readStartupPacket())
                .isInstanceOf(StartupPacket.SslRequest.class);
        assertThat(reader(startup(StartupPacket.GSSENC_REQUEST_CODE)).readStartupPacket())
                .isInstanceOf(StartupPacket.GssEncRequest.class);
        byte[] cancel = ByteBuffer.allocate(16).putInt(16).putInt(StartupPacket.CANCEL_REQUEST_CODE)
                .putInt(4242).putInt(-7).array();
        assertThat(reader(cancel).readStartupPacket()).isEqualTo(new StartupPacket.CancelRequest(4242, -7));
    }

    @Test
    void cleanEofBeforeAnyByteIsNotAnError() throws IOException {
        assertThat(reader(new byte[0]).readStartupPacket()).isNull();
        assertThat(reader(new byte[0]).readFrame(MessageTypes.FRONTEND)).isNull();
    }

    @Test
    void refusesStartupLengthsOutsidePostgresLimits() {
        byte[] tooShort = ByteBuffer.allocate(8).putInt(4).putInt(0).array();
        byte[] tooLong = ByteBuffer.allocate(8).putInt(10_001).putInt(196608).array();
        assertThatThrownBy(() -> reader(tooShort).readStartupPacket())
                .isInstanceOf(ProtocolException.class).hasMessage("invalid length of startup packet");
        assertThatThrownBy(() -> reader(tooLong).readStartupPacket())
                .isInstanceOf(ProtocolException.class).hasMessage("invalid length of startup packet");
    }

    @Test
    void refusesSslRequestWithTrailingBytes() {
        byte[] sslWithExtra = ByteBuffer.allocate(12).putInt(12).putInt(StartupPacket.SSL_REQUEST_CODE).putInt(1).array();
        assertThatThrownBy(() -> reader(sslWithExtra).readStartupPacket()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void refusesStartupParametersWithoutTerminator() {
        byte[] body = "user\0admin\0".getBytes(StandardCharsets.UTF_8);
        byte[] packet = ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(196608).put(body).array();
        assertThatThrownBy(() -> reader(packet).readStartupPacket())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("invalid startup packet layout");
    }

    @Test
    void truncatedStartupPacketIsEof() {
        byte[] full = startup(StartupPacket.PROTOCOL_3_0, "user", "admin");
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - 3);
        assertThatThrownBy(() -> reader(truncated).readStartupPacket()).isInstanceOf(EOFException.class);
    }

    @Test
    void readsTypedFrames() throws IOException {
        FrameReader r = reader(typed('Q', "select 1\0".getBytes(StandardCharsets.UTF_8)));
        Frame frame = r.readFrame(MessageTypes.FRONTEND);
        assertThat(frame.typeChar()).isEqualTo('Q');
        assertThat(frame.cString(0)).isEqualTo("select 1");
        assertThat(frame.wireLength()).isEqualTo(14);
    }

    @Test
    void unknownMessageTypeIsAProtocolViolation() {
        assertThatThrownBy(() -> reader(typed('!', new byte[0])).readFrame(MessageTypes.FRONTEND))
                .isInstanceOf(ProtocolException.class).hasMessage("invalid frontend message type 33");
    }

    @Test
    void lengthBelowFourIsAProtocolViolation() {
        byte[] bad = ByteBuffer.allocate(5).put((byte) 'Q').putInt(3).array();
        assertThatThrownBy(() -> reader(bad).readFrame(MessageTypes.FRONTEND))
                .isInstanceOf(ProtocolException.class).hasMessage("invalid message length 3");
    }

    @Test
    void oversizedLengthIsRefusedBeforeAnyPayloadIsRead() {
        // Announces 2 GB but carries nothing: the cap must trip on the header alone.
        byte[] hostile = ByteBuffer.allocate(5).put((byte) 'Q').putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> reader(hostile).readFrame(MessageTypes.FRONTEND))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("invalid message length");
    }

    @Test
    void truncatedPayloadIsEof() {
        byte[] full = typed('Q', "select 1\0".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - 4);
        assertThatThrownBy(() -> reader(truncated).readFrame(MessageTypes.FRONTEND))
                .isInstanceOf(EOFException.class).hasMessageContaining("payload");
    }

    @Test
    void relayCopiesTheFrameByteForByte() throws IOException {
        byte[] payload = new byte[50_000];
        new java.util.Random(1).nextBytes(payload);
        byte[] frame = typed('d', payload);
        FrameReader r = new FrameReader(new ByteArrayInputStream(frame), 100_000);
        assertThat(r.readHeader(MessageTypes.FRONTEND)).isEqualTo('d');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.relayFrame(out);
        assertThat(out.toByteArray()).isEqualTo(frame);
    }
}
