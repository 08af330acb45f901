package nl.ggz.contracts.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature is the Standard Webhooks one, so that a receiver's Standard Webhooks (or Svix) library verifies it. */
class WebhookSignatureTest {

    @Test
    void signsThePublishedStandardWebhooksTestVectorExactly() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIs32RandomBytesAfterThePrefix() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
