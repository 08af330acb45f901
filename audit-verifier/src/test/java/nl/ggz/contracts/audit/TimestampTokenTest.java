package nl.ggz.contracts.audit;

import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, timestamps: the verifier reads an RFC 3161 token by hand (no library) and accepts it only when its
 * messageImprint is the SHA-256 of the checkpoint's note body, the signed messageDigest is the digest of the TSTInfo,
 * and the signature over the signed attributes verifies with the TSA certificate — tokens made by Bouncy Castle.
 */
class TimestampTokenTest {

    private static final TestTimestampAuthority TSA = new TestTimestampAuthority("Test TSA");
    private static final String BODY = LogCheckpoint.body(LogCheckpointTest.ORIGIN, 5469, new byte[32]);

    @Test
    void aTokenOverTheNoteBodyHoldsAndGivesTheTSAsGenTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        byte[] reply = TSA.reply(BODY);
        TimestampToken token = TimestampToken.read(reply);

        assertThat(token.problem(BODY, TSA.certificate())).isNull();
        assertThat(token.genTime()).isBetween(before, Instant.now().plusSeconds(1))
                .isEqualTo(new TimeStampResponse(reply).getTimeStampToken().getTimeStampInfo().getGenTime()
                        .toInstant());
        // the bare token (the reply's timeStampToken) reads the same
        byte[] bare = new TimeStampResponse(reply).getTimeStampToken().getEncoded();
        assertThat(TimestampToken.read(bare).problem(BODY, TSA.certificate())).isNull();
    }

    @Test
    void aTokenOverAnotherHeadIsRefusedAsAnotherImprint() {
        TimestampToken token = TimestampToken.read(TSA.reply(LogCheckpoint.body(LogCheckpointTest.ORIGIN, 5470,
                new byte[32])));

        assertThat(token.problem(BODY, TSA.certificate())).startsWith("its message imprint is not the SHA-256 of "
                + "this checkpoint's note body");
    }

    @Test
    void aTokenWhoseTSTInfoWasChangedIsRefused() {
        byte[] reply = TSA.reply(BODY);
        // the genTime's last digit before 'Z', inside the signed TSTInfo
        byte[] tampered = reply.clone();
        int at = indexOfGenTimeEnd(tampered);
        tampered[at - 1] = (byte) (tampered[at - 1] == '0' ? '1' : '0');

        assertThat(TimestampToken.read(tampered).problem(BODY, TSA.certificate()))
                .startsWith("the signed messageDigest is not the SHA-256 of the TSTInfo");
    }

    @Test
    void aTokenWithAChangedSignatureOrOfAnotherTSAIsRefused() {
        byte[] reply = TSA.reply(BODY);
        byte[] tampered = reply.clone();
        // the last byte of the reply is inside the ECDSA signature's INTEGER s
        tampered[tampered.length - 1] ^= 0x01;
        assertThat(TimestampToken.read(tampered).problem(BODY, TSA.certificate()))
                .startsWith("the signature does not verify with the TSA certificate's key");

        TestTimestampAuthority other = new TestTimestampAuthority("Other TSA");
        assertThat(TimestampToken.read(reply).problem(BODY, other.certificate())).satisfiesAnyOf(
                problem -> assertThat(problem).startsWith("it names a signer with serial number"),
                problem -> assertThat(problem).startsWith("the signature does not verify"));
    }

    @Test
    void whatIsNoTimestampTokenIsRefusedNamingWhy() {
        for (byte[] bad : List.of(new byte[0], new byte[]{0x30}, new byte[]{0x30, 0x00}, new byte[]{0x04, 0x01, 0x00},
                new byte[]{0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f}, "hello".getBytes())) {
            assertThatThrownBy(() -> TimestampToken.read(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not");
        }
        // a reply that refuses (status 2, rejection) carries no token
        byte[] rejection = {0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02};
        assertThatThrownBy(() -> TimestampToken.read(rejection)).hasMessage("the timestamp reply grants no token "
                + "(status 2)");
    }

    private static int indexOfGenTimeEnd(byte[] der) {
        // GeneralizedTime: tag 0x18, then YYYYMMDDHHMMSS…Z; the TSTInfo holds the only one
        int year = java.time.Year.now().getValue();
        String prefix = Integer.toString(year);
        for (int i = 0; i + 2 < der.length; i++) {
            if (der[i] == 0x18 && new String(der, i + 2, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(prefix)) {
                int length = der[i + 1];
                return i + 2 + length - 1;
            }
        }
        throw new AssertionError("no genTime in the reply");
    }

}
