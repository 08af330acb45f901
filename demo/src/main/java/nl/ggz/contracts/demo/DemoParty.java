package nl.ggz.contracts.demo;

import nl.ggz.contracts.eventstore.AuditMetadata;

import java.util.Map;

/**
 * Who sends a demo command, stamped on it as a real caller's request would be: the insurer's purchaser, the provider,
 * or the insurer's claims system, each within its own tenant (UZOVI or AGB).
 */
record DemoParty(String principal, String role, String tenant) {

    static final String SOURCE_SYSTEM = "demo-data";

    static DemoParty purchaser(DemoInsurer insurer) {
        return new DemoParty("inkoper@" + insurer.domain(), "PURCHASER", insurer.uzovi());
    }

    static DemoParty claims(DemoInsurer insurer) {
        return new DemoParty("declaraties@" + insurer.domain(), "CLAIMS", insurer.uzovi());
    }

    static DemoParty provider(DemoProvider provider) {
        return new DemoParty("zorgaanbieder-" + provider.agb(), "PROVIDER", provider.agb());
    }

    Map<String, Object> metadata(String correlationId) {
        return Map.of(AuditMetadata.PRINCIPAL, principal, AuditMetadata.ROLE, role, AuditMetadata.TENANT, tenant,
                AuditMetadata.SOURCE_SYSTEM, SOURCE_SYSTEM, AuditMetadata.CORRELATION_ID, correlationId);
    }
}
