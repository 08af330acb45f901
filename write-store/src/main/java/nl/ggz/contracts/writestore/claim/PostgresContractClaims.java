package nl.ggz.contracts.writestore.claim;

import nl.ggz.contracts.domain.contract.ContractClaims;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.TableOwner;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The contract years claimed by offers and signed contracts, one row per insurer, provider and calendar year, written
 * in the transaction of the offer. Its primary key is where two offers made at the same moment meet: both find the
 * year free, both insert it, and the second insert waits for the first transaction and then fails on the key; that
 * command is sent again (RetryingCommandGateway) and then finds the first offer holding the year.
 * <p>
 * An offer that ends without a signature (declined, withdrawn, expired) gives its years up; a signed contract keeps
 * them, also once it is terminated or has ended.
 */
@Component
@ProcessingGroup(PostgresContractClaims.PROCESSING_GROUP)
public class PostgresContractClaims implements ContractClaims, TableOwner {

    public static final String PROCESSING_GROUP = "contract-claims";

    @Override
    public List<String> tables() {
        return List.of("contract_claim");
    }

    private final JdbcTemplate jdbc;

    public PostgresContractClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContractOffered event) {
        for (int year : event.term().calendarYears()) {
            // a plain insert: a year claimed at the same moment by another transaction fails this one on the key
            jdbc.update("INSERT INTO contract_claim (insurer_uzovi, provider_agb, contract_year, contract_id) "
                    + "VALUES (?, ?, ?, ?)", event.insurer().value(), event.provider().value(), year,
                    event.contractId());
        }
    }

    @EventHandler
    void on(ContractDeclined event) {
        release(event.contractId());
    }

    @EventHandler
    void on(ContractOfferWithdrawn event) {
        release(event.contractId());
    }

    @EventHandler
    void on(ContractOfferExpired event) {
        release(event.contractId());
    }

    private void release(String contractId) {
        jdbc.update("DELETE FROM contract_claim WHERE contract_id = ?", contractId);
    }

    @Override
    public Optional<Claim> heldFor(InsurerCode insurer, ProviderCode provider, Collection<Integer> years) {
        return jdbc.query("""
                SELECT contract_id, contract_year FROM contract_claim
                WHERE insurer_uzovi = ? AND provider_agb = ? AND contract_year = ANY (?::integer[])
                ORDER BY contract_year LIMIT 1
                """,
                (rs, i) -> new Claim(rs.getString(1), rs.getInt(2)),
                insurer.value(), provider.value(), SqlArrays.ints(List.copyOf(years))).stream().findFirst();
    }
}
