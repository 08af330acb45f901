package nl.ggz.contracts.writestore.privacy;

import nl.ggz.contracts.domain.privacy.OpenedPseudonym;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.TableOwner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of crypto-shredding, in tables of their own, written in the caller's transaction: {@code patient_key} holds
 * a 256-bit data key per (insurer, keyed hash of the pseudonym), {@code patient_hash_key} the insurer's secret hash key.
 * A batch costs one lookup of its keys and, for people not seen before, one insert: never a round trip per line.
 * Data keys are not cached: a node must not keep reading a pseudonym that another node erased.
 */
@Component
public class PostgresPatientPseudonyms implements PatientPseudonyms, TableOwner {

    private final JdbcTemplate jdbc;
    /** Hash keys never change once committed; one made in a transaction not yet committed is not remembered. */
    private final Map<String, byte[]> hashKeys = new ConcurrentHashMap<>();

    public PostgresPatientPseudonyms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("patient_key", "patient_hash_key");
    }

    @Override
    public Map<String, SealedPseudonym> seal(InsurerCode insurer, Collection<String> patientRefs) {
        byte[] hashKey = hashKey(insurer.value(), true).orElseThrow();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String ref : patientRefs) {
            hashes.put(ref, PseudonymCrypto.keyedHash(hashKey, ref));
        }
        Map<String, byte[]> keys = dataKeys(insurer.value(), hashes.values());
        Set<String> missing = new TreeSet<>(hashes.values());
        missing.removeAll(keys.keySet());
        if (!missing.isEmpty()) {
            Map<String, byte[]> made = new HashMap<>();
            List<String> hexKeys = new ArrayList<>(missing.size());
            for (String hash : missing) {
                byte[] key = PseudonymCrypto.newKey();
                made.put(hash, key);
                hexKeys.add(HexFormat.of().formatHex(key));
            }
            // one made at once by another transaction wins: read it back (the insert waited for its commit)
            List<String> inserted = jdbc.queryForList("""
                    INSERT INTO patient_key (insurer_uzovi, keyed_hash, data_key)
                    SELECT ?, hash, decode(hex, 'hex') FROM unnest(?::text[], ?::text[]) AS made(hash, hex)
                    ON CONFLICT DO NOTHING RETURNING keyed_hash
                    """, String.class, insurer.value(), SqlArrays.texts(missing), SqlArrays.texts(hexKeys));
            inserted.forEach(hash -> keys.put(hash, made.get(hash)));
            missing.removeAll(inserted);
            if (!missing.isEmpty()) {
                keys.putAll(dataKeys(insurer.value(), missing));
            }
        }
        Map<String, SealedPseudonym> sealed = new HashMap<>();
        hashes.forEach((ref, hash) -> sealed.put(ref, SealedPseudonym.sealed(
                PseudonymCrypto.seal(keys.get(hash), insurer.value(), hash, ref), hash)));
        return sealed;
    }

    @Override
    public Optional<String> keyedHash(InsurerCode insurer, String patientRef) {
        return hashKey(insurer.value(), false).map(key -> PseudonymCrypto.keyedHash(key, patientRef));
    }

    @Override
    public Map<SealedPseudonym, OpenedPseudonym> open(InsurerCode insurer, Collection<SealedPseudonym> sealed) {
        Set<String> hashes = new TreeSet<>();
        sealed.stream().filter(value -> !value.legacy()).forEach(value -> hashes.add(value.keyedHash()));
        Map<String, byte[]> keys = hashes.isEmpty() ? Map.of() : dataKeys(insurer.value(), hashes);
        Map<SealedPseudonym, OpenedPseudonym> opened = new HashMap<>();
        for (SealedPseudonym value : sealed) {
            if (value.legacy()) {
                opened.put(value, new OpenedPseudonym(value.legacyPlain()));
                continue;
            }
            byte[] key = keys.get(value.keyedHash());
            // no key: erased; a key that does not open it was made anew after the erasure
            opened.put(value, key == null ? OpenedPseudonym.ERASED
                    : PseudonymCrypto.open(key, insurer.value(), value.keyedHash(), value.ciphertext())
                    .map(OpenedPseudonym::new).orElse(OpenedPseudonym.ERASED));
        }
        return opened;
    }

    @Override
    public boolean destroyKey(InsurerCode insurer, String keyedHash) {
        return jdbc.update("DELETE FROM patient_key WHERE insurer_uzovi = ? AND keyed_hash = ?",
                insurer.value(), keyedHash) > 0;
    }

    private Map<String, byte[]> dataKeys(String insurer, Collection<String> hashes) {
        Map<String, byte[]> keys = new HashMap<>();
        jdbc.query("SELECT keyed_hash, data_key FROM patient_key WHERE insurer_uzovi = ? AND keyed_hash = ANY (?::text[])",
                rs -> {
                    keys.put(rs.getString(1), rs.getBytes(2));
                }, insurer, SqlArrays.texts(hashes));
        return keys;
    }

    /**
     * The insurer's hash key, made on its first seal. It is remembered only once committed: a key made (or read) in a
     * transaction that then rolls back must not go on hashing pseudonyms that another key will hash once committed.
     */
    private Optional<byte[]> hashKey(String insurer, boolean make) {
        byte[] known = hashKeys.get(insurer);
        if (known != null) {
            return Optional.of(known);
        }
        byte[] key = null;
        if (make) {
            byte[] made = PseudonymCrypto.newKey();
            if (jdbc.update("INSERT INTO patient_hash_key (insurer_uzovi, hash_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    insurer, made) > 0) {
                key = made;
            }
        }
        if (key == null) {
            List<byte[]> stored = jdbc.query("SELECT hash_key FROM patient_hash_key WHERE insurer_uzovi = ?",
                    (rs, n) -> rs.getBytes(1), insurer);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            key = stored.get(0);
        }
        byte[] found = key;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hashKeys.putIfAbsent(insurer, found);
                }
            });
        } else {
            hashKeys.putIfAbsent(insurer, found);
        }
        return Optional.of(found);
    }
}
