package nl.ggz.contracts.api.config;

import nl.ggz.contracts.domain.renewal.ContractRenewals;
import nl.ggz.contracts.domain.renewal.RenewableContracts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renewal of contracts (domain), on the read models' contracts and ceilings; the API and the demo use it. */
@Configuration(proxyBeanMethods = false)
public class RenewalConfiguration {

    @Bean
    ContractRenewals contractRenewals(RenewableContracts contracts) {
        return new ContractRenewals(contracts);
    }
}
