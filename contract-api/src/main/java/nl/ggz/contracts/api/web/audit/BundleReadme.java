package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.audit.Checkpoint;

/** {@code README.txt} of a bundle: what it holds and how to verify it, for whoever opens the archive first. */
final class BundleReadme {

    private BundleReadme() {
    }

    static String text(String insurer, int year, Checkpoint checkpoint, String fileName, String logOrigin,
                       long logSize) {
        return """
                GGZ care contracts: audit bundle of insurer %1$s (UZOVI), contract year %2$d

                events.ndjson    every stored event of the insurer's contracts whose term covers %2$d, their
                                 ceilings of %2$d and the insurer's purchasing policy of %2$d, up to position %3$d,
                                 one JSON object per line, in ascending global position, each with its link in
                                 its stream's hash chain (previousHash, hash)
                checkpoint.json  signed checkpoint %4$d: a Merkle root over the head of every stream of the
                                 installation up to position %3$d, signed with Ed25519 (key %5$s)
                public-key.pem   the public key of that signature, as the installation serves it
                log-checkpoint.txt  the signed head of the insurer's own log (%7$s) at %8$d
                                 leaves: every event of the insurer up to position %3$d, in order
                log-consistency.json  (when asked for with since=) the proof that this head extends the
                                 head of the insurer's log received before
                first-events.ndjson  the first event of each of the insurer's streams outside %2$d, which
                                 shows that the stream lies outside it
                log-leaves.ndjson  the leaves of the insurer's log up to the head: index, position,
                                 stream, sequence, leaf hash
                manifest.json    counts, the SHA-256 of events.ndjson, the checkpoint, and per stream (also each
                                 stream outside %2$d) its last event (head) with the head's inclusion proof in the
                                 signed root

                Verify it with the offline verifier of the same installation (one jar, Java 17):

                    java -jar audit-verifier.jar --bundle %6$s --public-key public.pem \\
                        [--state nza-heads.json]

                where public.pem is the installation's public key as you obtained it apart from this bundle (the
                key inside the bundle alone shows only that the bundle is consistent). It prints OK and exits 0, or
                names the first thing that does not hold and exits 1.

                What an OK proves: the signature is the installation's; every event in events.ndjson is unchanged,
                in its place and without gaps in its stream from the stream's first event; the last event of each
                stream is the head the checkpoint signed, so nothing of these streams up to position %3$d was
                changed, removed or added since it was stored; and the bundle is complete: every leaf of the
                insurer's signed log head is an event of the bundle or of a stream its first event shows outside
                %2$d. With --state, the head must extend the head of the insurer's log stored before. What it
                cannot prove: that the events were true when written, or anything after position %3$d.

                Patients: a declaration names the insured person by a pseudonym of the insurer's claims system,
                stored sealed (AVG/GDPR art. 17, crypto-shredding): "patient" holds its AES-GCM ciphertext, which
                only the installation's key for that person opens, and a keyed hash that is the same for every
                declaration of one person. Once the person's pseudonym is erased the key is gone: the ciphertext
                stays exactly as stored (so the chains verify) and can no longer be read. Declarations stored before
                pseudonyms were sealed (payload revision 1) show the plain "patientRef" they were written with.
                """.formatted(insurer, year, checkpoint.upToPosition(), checkpoint.id(), checkpoint.keyId(), fileName,
                        logOrigin, logSize);
    }
}
