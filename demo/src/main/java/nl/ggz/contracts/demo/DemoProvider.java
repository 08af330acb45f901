package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;

/** A provider of the demo: AGB code, name, type, town, and who signs for it. */
record DemoProvider(String agb, String name, ProviderType type, String town, String signatory) {

    ProviderCode code() {
        return new ProviderCode(agb);
    }
}
