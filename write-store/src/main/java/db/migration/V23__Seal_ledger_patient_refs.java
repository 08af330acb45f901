package db.migration;

import nl.ggz.contracts.writestore.privacy.PseudonymCrypto;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 16: the declaration ledger's plain pseudonyms sealed as the application now seals them (a data key per
 * insurer and pseudonym, the keyed hash beside the ciphertext), then the plain column dropped, in Flyway's one
 * transaction: the application never starts on a ledger half sealed. The events stored before keep their plain
 * pseudonym (README "Erasing a patient pseudonym"): the hash chain cannot be rewritten.
 * <p>
 * Java rather than SQL because the sealing is the application's own (AES-GCM and HMAC of the JDK), not pgcrypto's.
 */
public class V23__Seal_ledger_patient_refs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, byte[]> hashKeys = new HashMap<>();
        List<String[]> people = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT DISTINCT insurer_uzovi, patient_ref FROM declaration_ledger "
                     + "WHERE patient_ref IS NOT NULL ORDER BY 1, 2")) {
            while (rs.next()) {
                people.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        try (PreparedStatement hashKey = connection.prepareStatement(
                "INSERT INTO patient_hash_key (insurer_uzovi, hash_key) VALUES (?, ?)");
             PreparedStatement dataKey = connection.prepareStatement(
                     "INSERT INTO patient_key (insurer_uzovi, keyed_hash, data_key) VALUES (?, ?, ?)");
             PreparedStatement rows = connection.prepareStatement("UPDATE declaration_ledger SET patient_hash = ?, "
                     + "patient_sealed = ? WHERE insurer_uzovi = ? AND patient_ref = ?")) {
            for (String[] person : people) {
                String insurer = person[0];
                String ref = person[1];
                byte[] insurerKey = hashKeys.get(insurer);
                if (insurerKey == null) {
                    insurerKey = PseudonymCrypto.newKey();
                    hashKeys.put(insurer, insurerKey);
                    hashKey.setString(1, insurer);
                    hashKey.setBytes(2, insurerKey);
                    hashKey.executeUpdate();
                }
                String hash = PseudonymCrypto.keyedHash(insurerKey, ref);
                byte[] key = PseudonymCrypto.newKey();
                dataKey.setString(1, insurer);
                dataKey.setString(2, hash);
                dataKey.setBytes(3, key);
                dataKey.addBatch();
                // every row of this person holds the one ciphertext: the same seal, read by the same key
                rows.setString(1, hash);
                rows.setString(2, PseudonymCrypto.seal(key, insurer, hash, ref));
                rows.setString(3, insurer);
                rows.setString(4, ref);
                rows.addBatch();
            }
            dataKey.executeBatch();
            rows.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP INDEX IF EXISTS declaration_ledger_supplement");
            ddl.execute("ALTER TABLE declaration_ledger DROP COLUMN patient_ref");
            ddl.execute("CREATE INDEX declaration_ledger_supplement ON declaration_ledger "
                    + "(insurer_uzovi, contract_year, patient_hash) WHERE supplement");
        }
    }
}
