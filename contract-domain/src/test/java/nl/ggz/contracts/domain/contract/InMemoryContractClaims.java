package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderCode;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The claims on contract years as the application keeps them; tests put in the contracts that hold years already. */
public class InMemoryContractClaims implements ContractClaims {

    private final Map<String, String> holders = new TreeMap<>();

    public InMemoryContractClaims claim(InsurerCode insurer, ProviderCode provider, int year, String contractId) {
        holders.put(key(insurer, provider, year), contractId);
        return this;
    }

    @Override
    public Optional<Claim> heldFor(InsurerCode insurer, ProviderCode provider, Collection<Integer> years) {
        return years.stream().sorted()
                .filter(year -> holders.containsKey(key(insurer, provider, year)))
                .map(year -> new Claim(holders.get(key(insurer, provider, year)), year))
                .findFirst();
    }

    private static String key(InsurerCode insurer, ProviderCode provider, int year) {
        return insurer.value() + "/" + provider.value() + "/" + year;
    }
}
