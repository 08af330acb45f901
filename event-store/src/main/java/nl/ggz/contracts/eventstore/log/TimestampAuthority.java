package nl.ggz.contracts.eventstore.log;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * An RFC 3161 time-stamping authority over HTTP (§3.4): a TimeStampReq with the SHA-256 message imprint of the text,
 * a random 64-bit nonce and certReq (so that the reply carries the TSA's certificate), posted as
 * {@code application/timestamp-query}; the reply is checked against the request (status granted, same imprint and
 * nonce, a timeStamping certificate) by Bouncy Castle before it is kept.
 */
final class TimestampAuthority {

    /** What the TSA answered: its TimeStampResp as received (DER) and the token's genTime. */
    record Reply(byte[] der, Instant genTime) {
    }

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    TimestampAuthority(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Reply timestamp(byte[] text) throws IOException {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, LogHashes.sha256().digest(text),
                new BigInteger(64, random));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .header("Accept", "application/timestamp-reply")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the TSA", e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the TSA answered HTTP " + answer.statusCode());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IOException("the TSA granted no token: " + response.getStatusString());
            }
            return new Reply(response.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException | IllegalArgumentException e) {
            throw new IOException("the TSA's reply does not hold: " + e.getMessage(), e);
        }
    }
}
