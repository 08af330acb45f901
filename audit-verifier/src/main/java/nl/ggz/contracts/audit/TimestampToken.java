package nl.ggz.contracts.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An RFC 3161 timestamp token over a checkpoint's note body, read by hand (the JDK has no public CMS API): a
 * TimeStampResp (RFC 3161 §2.4.2, {@code application/timestamp-reply}, as the server serves it) or the bare token, a
 * CMS SignedData (RFC 5652) whose content is a TSTInfo. {@link #problem} checks what makes it evidence: the TSTInfo's
 * messageImprint is the digest of the note body, the signed attributes' messageDigest is the digest of the TSTInfo,
 * and the signature over the DER of the signed attributes (as a SET) verifies with the TSA certificate's key, which
 * was valid at genTime.
 */
public record TimestampToken(Instant genTime, String imprintAlgorithm, byte[] imprint, byte[] tstInfo,
                             String digestAlgorithm, byte[] messageDigest, byte[] signedAttributes,
                             String signatureAlgorithm, byte[] signature, BigInteger signerSerial) {

    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String TST_INFO = "1.2.840.113549.1.9.16.1.4";
    private static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
    private static final Map<String, String> DIGESTS = Map.of("2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384", "2.16.840.1.101.3.4.2.3", "SHA-512", "1.3.14.3.2.26", "SHA-1");

    /** Reads a reply or a token; refuses (naming what is wrong) anything else, or a reply that grants no token. */
    public static TimestampToken read(byte[] der) {
        try {
            return parse(der);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("not a timestamp reply or token: malformed DER");
        }
    }

    private static TimestampToken parse(byte[] der) {
        Der outer = Der.read(der);
        if (outer.tag() != Der.SEQUENCE || outer.children().isEmpty()) {
            throw new IllegalArgumentException("not a timestamp reply or token: no DER SEQUENCE");
        }
        Der contentInfo = outer;
        if (outer.children().get(0).tag() == Der.SEQUENCE) {
            // TimeStampResp: status 0 (granted) or 1 (granted with modifications) carries the token
            Der status = outer.child(0, Der.SEQUENCE, "the reply's status").child(0, Der.INTEGER, "the status");
            int granted = new BigInteger(status.content()).intValue();
            if (granted != 0 && granted != 1) {
                throw new IllegalArgumentException("the timestamp reply grants no token (status " + granted + ")");
            }
            contentInfo = outer.child(1, Der.SEQUENCE, "the reply's token");
        }
        if (!contentInfo.child(0, Der.OID, "the token's content type").oid().equals(SIGNED_DATA)) {
            throw new IllegalArgumentException("not a timestamp token: its content is not CMS SignedData");
        }
        Der signedData = contentInfo.child(1, 0xA0, "the SignedData").child(0, Der.SEQUENCE, "the SignedData");
        List<Der> parts = signedData.children();
        Der encapsulated = signedData.child(2, Der.SEQUENCE, "the encapsulated content");
        if (!encapsulated.child(0, Der.OID, "the content type").oid().equals(TST_INFO)) {
            throw new IllegalArgumentException("not a timestamp token: its content is not a TSTInfo");
        }
        byte[] tstInfo = encapsulated.child(1, 0xA0, "the TSTInfo").child(0, Der.OCTET_STRING, "the TSTInfo")
                .content();
        Der info = Der.read(tstInfo);
        Der imprint = info.child(2, Der.SEQUENCE, "the messageImprint");
        String imprintAlgorithm = digest(imprint.child(0, Der.SEQUENCE, "the imprint's algorithm")
                .child(0, Der.OID, "the imprint's algorithm").oid());
        byte[] imprinted = imprint.child(1, Der.OCTET_STRING, "the imprint").content();
        Instant genTime = generalizedTime(info.child(4, Der.GENERALIZED_TIME, "the genTime").content());

        Der signerInfos = parts.get(parts.size() - 1);
        if (signerInfos.tag() != Der.SET || signerInfos.children().size() != 1) {
            throw new IllegalArgumentException("not a timestamp token: it has not exactly one signer");
        }
        Der signer = signerInfos.children().get(0);
        List<Der> fields = signer.children();
        if (fields.size() < 6) {
            throw new IllegalArgumentException("not a timestamp token: the signer info is incomplete");
        }
        BigInteger serial = null;
        if (fields.get(1).tag() == Der.SEQUENCE) {
            serial = new BigInteger(fields.get(1).child(1, Der.INTEGER, "the signer's serial number").content());
        }
        String digestAlgorithm = digest(signer.child(2, Der.SEQUENCE, "the digest algorithm")
                .child(0, Der.OID, "the digest algorithm").oid());
        Der attributes = signer.child(3, 0xA0, "the signed attributes");
        byte[] messageDigest = null;
        for (Der attribute : attributes.children()) {
            if (attribute.child(0, Der.OID, "an attribute's type").oid().equals(MESSAGE_DIGEST)) {
                messageDigest = attribute.child(1, Der.SET, "the messageDigest").child(0, Der.OCTET_STRING,
                        "the messageDigest").content();
            }
        }
        if (messageDigest == null) {
            throw new IllegalArgumentException("not a timestamp token: the signed attributes have no messageDigest");
        }
        String signatureAlgorithm = signatureAlgorithm(signer.child(4, Der.SEQUENCE, "the signature algorithm")
                .child(0, Der.OID, "the signature algorithm").oid(), digestAlgorithm);
        byte[] signature = signer.child(5, Der.OCTET_STRING, "the signature").content();
        return new TimestampToken(genTime, imprintAlgorithm, imprinted, tstInfo, digestAlgorithm, messageDigest,
                attributes.retagged(Der.SET), signatureAlgorithm, signature, serial);
    }

    /** Null when the token holds for this note body and TSA certificate; else why not, in words. */
    public String problem(String body, X509Certificate tsa) {
        if (!MessageDigest.isEqual(imprint, digest(imprintAlgorithm, body.getBytes(StandardCharsets.UTF_8)))) {
            return "its message imprint is not the " + imprintAlgorithm + " of this checkpoint's note body: it "
                    + "timestamps something else";
        }
        if (!MessageDigest.isEqual(messageDigest, digest(digestAlgorithm, tstInfo))) {
            return "the signed messageDigest is not the " + digestAlgorithm + " of the TSTInfo: the token was changed "
                    + "after it was signed";
        }
        if (signerSerial != null && !signerSerial.equals(tsa.getSerialNumber())) {
            return "it names a signer with serial number " + signerSerial.toString(16) + ", the TSA certificate given "
                    + "has " + tsa.getSerialNumber().toString(16);
        }
        try {
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(tsa.getPublicKey());
            verifier.update(signedAttributes);
            if (!verifier.verify(signature)) {
                return "the signature does not verify with the TSA certificate's key: the token was changed after it "
                        + "was signed, or signed by another TSA";
            }
        } catch (NoSuchAlgorithmException e) {
            return "its signature algorithm " + signatureAlgorithm + " is not supported here";
        } catch (GeneralSecurityException e) {
            return "the signature does not verify with the TSA certificate's key (" + e.getMessage() + ")";
        }
        try {
            tsa.checkValidity(Date.from(genTime));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return "the TSA certificate was not valid at the genTime " + genTime;
        }
        return null;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has " + algorithm, e);
        }
    }

    private static String digest(String oid) {
        String name = DIGESTS.get(oid);
        if (name == null) {
            throw new IllegalArgumentException("the timestamp token uses digest " + oid + ", not SHA-1 or SHA-2");
        }
        return name;
    }

    /** The JCA name of a CMS signature algorithm (RFC 5754, RFC 8419). */
    private static String signatureAlgorithm(String oid, String digest) {
        String hash = digest.replace("-", "");
        return switch (oid) {
            case "1.2.840.113549.1.1.1" -> hash + "withRSA";
            case "1.2.840.113549.1.1.11" -> "SHA256withRSA";
            case "1.2.840.113549.1.1.12" -> "SHA384withRSA";
            case "1.2.840.113549.1.1.13" -> "SHA512withRSA";
            case "1.2.840.10045.2.1" -> hash + "withECDSA";
            case "1.2.840.10045.4.3.2" -> "SHA256withECDSA";
            case "1.2.840.10045.4.3.3" -> "SHA384withECDSA";
            case "1.2.840.10045.4.3.4" -> "SHA512withECDSA";
            case "1.3.101.112" -> "Ed25519";
            default -> throw new IllegalArgumentException("the timestamp token's signature algorithm " + oid
                    + " is not RSA PKCS#1 v1.5, ECDSA or Ed25519");
        };
    }

    /** YYYYMMDDHHMMSS[.f…]Z (RFC 3161 §2.4.2: UTC, no leading zeros in the fraction's end). */
    private static Instant generalizedTime(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.matches("\\d{14}(\\.\\d{1,9})?Z")) {
            throw new IllegalArgumentException("not a timestamp token: the genTime is not YYYYMMDDHHMMSS[.f]Z");
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(text.substring(0, 14),
                    DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
            int nanos = text.length() > 15 ? Integer.parseInt((text.substring(15, text.length() - 1) + "00000000")
                    .substring(0, 9)) : 0;
            return seconds.toInstant(ZoneOffset.UTC).plusNanos(nanos);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp token: the genTime is not a time");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimestampToken token && Arrays.equals(tstInfo, token.tstInfo)
                && Arrays.equals(signature, token.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }
}
