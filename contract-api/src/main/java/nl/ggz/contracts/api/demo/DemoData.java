package nl.ggz.contracts.api.demo;

import nl.ggz.contracts.api.config.AuditMetadata;
import nl.ggz.contracts.domain.ceiling.ApproveIncrease;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.ceiling.IssueClawBack;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.ceiling.RejectIncrease;
import nl.ggz.contracts.domain.ceiling.RequestIncrease;
import nl.ggz.contracts.domain.ceiling.SignAddendum;
import nl.ggz.contracts.domain.contract.AnnouncePatientStop;
import nl.ggz.contracts.domain.contract.DeclineContract;
import nl.ggz.contracts.domain.contract.LiftPatientStop;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.contract.ReviseProposal;
import nl.ggz.contracts.domain.contract.SignContract;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PublishPurchasingPolicy;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A small, realistic history for a first look: three insurers' policies for this year, contracts of both kinds and
 * all provider types, declarations from January until last month, ceilings past 70 % and 100 %, increase requests
 * decided and pending, an addendum, a claw-back and patient stops. Written through the commands, so it is a real
 * event history, and only into the empty event store of the embedded default.
 */
@Component
@ConditionalOnProperty(name = "ggz.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Map<String, Object> DEMO = Map.of(
            AuditMetadata.PRINCIPAL, "demo-data", AuditMetadata.ROLE, "SYSTEM",
            AuditMetadata.SOURCE_SYSTEM, "demo-data", AuditMetadata.CORRELATION_ID, "demo-data-first-start");
    private static final String[] CODES = {"CO0142", "CO0242", "CO0342", "DI0142", "GR0110"};

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Random random = new Random(2027);

    private final ObjectProvider<EmbeddedPostgres> embedded;

    public DemoData(CommandGateway commands, JdbcTemplate jdbc, Clock clock, ObjectProvider<EmbeddedPostgres> embedded) {
        this.commands = commands;
        this.embedded = embedded;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embedded.getIfAvailable() == null) {
            return; // demo data belongs to the embedded default, never to a database of record
        }
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (events != null && events > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(DomainTime.AMSTERDAM));
        int year = today.getYear();
        log.info("Empty event store: writing demo data for {}", year);
        List<String> insurers = List.of("7095", "3311", "9018");
        for (String uzovi : insurers) {
            PolicyParameters defaults = PolicyParameters.defaults(year);
            // the demo keeps the increase window open all year, so that the pages can show requests being made
            send(new PublishPurchasingPolicy(uzovi + "-" + year, new InsurerCode(uzovi), year,
                    new PolicyParameters(defaults.thresholdPercents(), defaults.increaseCapPercent(),
                            DomainTime.startOf(LocalDate.of(year, 1, 1)),
                            DomainTime.startOf(LocalDate.of(year, 12, 31)),
                            defaults.decisionPeriodDays(), defaults.offerValidityDays(), defaults.termYears())));
        }
        int provider = 0;
        for (String uzovi : insurers) {
            for (int i = 0; i < 8; i++) {
                provider++;
                ProviderType type = i < 3 ? ProviderType.INDEPENDENT : i < 7 ? ProviderType.INSTITUTION
                        : ProviderType.HOSPITAL_WARD;
                ContractKind kind = type == ProviderType.INSTITUTION && i % 2 == 0 ? ContractKind.NEGOTIATED
                        : ContractKind.DIGITAL;
                long ceiling = type == ProviderType.INDEPENDENT ? 15_000_000L + 1_000_000L * i : 250_000_000L + 50_000_000L * i;
                // pace: from well under to well over an even spread of the year
                double pace = 0.55 + 0.12 * i;
                contract(uzovi, String.format("940%05d", provider), type, kind, ceiling, year, today, pace, i);
            }
        }
        // next year's offers: one open, one declined
        String open = offer("7095", "94099901", ProviderType.INSTITUTION, ContractKind.DIGITAL, 90_000_000L, year + 1);
        log.info("Demo: open offer {} for {}", open, year + 1);
        String declined = offer("3311", "94099902", ProviderType.INSTITUTION, ContractKind.DIGITAL, 40_000_000L, year + 1);
        send(new DeclineContract(declined, "tariff below cost price", now()));
        log.info("Demo data written");
    }

    private void contract(String uzovi, String agb, ProviderType type, ContractKind kind, long ceiling, int year,
                          LocalDate today, double pace, int index) {
        String contractId = offer(uzovi, agb, type, kind, ceiling, year);
        if (kind == ContractKind.NEGOTIATED) {
            send(new ReviseProposal(contractId, Party.PROVIDER, Money.cents(ceiling + ceiling / 10), null, null, now()));
            send(new ReviseProposal(contractId, Party.PURCHASER, Money.cents(ceiling + ceiling / 20), null, null, now()));
        }
        send(new SignContract(contractId, "director of " + agb, now()));
        String ceilingId = CeilingIds.of(contractId, year);
        long signedCeiling = kind == ContractKind.NEGOTIATED ? ceiling + ceiling / 20 : ceiling;
        declareYear(ceilingId, type == ProviderType.HOSPITAL_WARD ? 3 : 2, signedCeiling, year, today, pace);

        if (pace > 1.0) {
            // over pace: the provider asks for more room
            String requestId = UUID.randomUUID().toString();
            send(new RequestIncrease(ceilingId, requestId, Money.cents(signedCeiling / 5), "regional waiting list "
                    + "exceeds 14 weeks; no alternative care available", now()));
            if (index % 3 == 0) {
                String addendumId = UUID.randomUUID().toString();
                send(new ApproveIncrease(ceilingId, requestId, addendumId, Money.cents(signedCeiling / 10), now()));
                send(new SignAddendum(ceilingId, addendumId, "director of " + agb, now()));
            } else if (index % 3 == 1) {
                send(new RejectIncrease(ceilingId, requestId, "sufficient alternative care in the region", now()));
            }
            // otherwise the request stays open for the purchaser's queue
            String stopId = UUID.randomUUID().toString();
            send(new AnnouncePatientStop(contractId, stopId, PatientStopReason.CEILING_REACHED,
                    today.minusDays(40).withYear(year), now()));
            if (index % 2 == 0) {
                send(new LiftPatientStop(contractId, stopId, today.minusDays(10).withYear(year), now()));
            }
        }
        if (index == 2) {
            // a stop for lack of staff over the summer, lifted again
            String stopId = UUID.randomUUID().toString();
            send(new AnnouncePatientStop(contractId, stopId, PatientStopReason.CAPACITY, LocalDate.of(year, 6, 1), now()));
            send(new LiftPatientStop(contractId, stopId, LocalDate.of(year, 8, 20), now()));
        }
        if (index == 4) {
            send(new IssueClawBack(ceilingId, UUID.randomUUID().toString(), Money.cents(125_000),
                    "care declared twice on one day", List.of(ceilingId + "-d0", ceilingId + "-d1"), now()));
        }
    }

    private String offer(String uzovi, String agb, ProviderType type, ContractKind kind, long ceiling, int year) {
        String contractId = UUID.randomUUID().toString();
        int years = type == ProviderType.INDEPENDENT ? 2 : 1;
        Set<Setting> settings = type == ProviderType.INDEPENDENT ? Set.of(new Setting(1), new Setting(2))
                : type == ProviderType.HOSPITAL_WARD ? Set.of(new Setting(3), new Setting(5))
                : Set.of(new Setting(2), new Setting(3), new Setting(4), new Setting(5));
        send(new OfferContract(contractId, new InsurerCode(uzovi), new ProviderCode(agb), type, kind,
                new ContractTerm(LocalDate.of(year, 1, 1), LocalDate.of(year + years - 1, 12, 31)), settings,
                TariffPercentage.of(kind == ContractKind.NEGOTIATED ? "96.00" : "92.50"), Money.cents(ceiling), null,
                now()));
        return contractId;
    }

    /** Declarations month by month up to today, with less care in summer and around Christmas. */
    private void declareYear(String ceilingId, int setting, long ceiling, int year, LocalDate today, double pace) {
        int n = 0;
        int monthsSoFar = today.getYear() == year ? today.getMonthValue() : 12;
        for (int month = 1; month <= monthsSoFar; month++) {
            double season = switch (month) {
                case 7, 8 -> 0.7;
                case 12 -> 0.8;
                case 1, 9, 10 -> 1.1;
                default -> 1.0;
            };
            long monthTotal = (long) (ceiling * pace * season / 12);
            List<DeclarationLine> lines = new ArrayList<>();
            int count = 20;
            LocalDate lastDay = month == today.getMonthValue() && today.getYear() == year
                    ? today : LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
            for (int k = 0; k < count; k++) {
                LocalDate date = LocalDate.of(year, month, 1 + random.nextInt(lastDay.getDayOfMonth()));
                long amount = Math.max(5_000, monthTotal / count + random.nextInt(20_000) - 10_000);
                lines.add(new DeclarationLine(ceilingId + "-d" + n++, date, setting,
                        CODES[random.nextInt(CODES.length)], "p-" + Integer.toHexString(random.nextInt(1 << 20)),
                        Money.cents(amount), null));
            }
            send(new RecordDeclarations(ceilingId, lines, now()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(DEMO));
    }
}
