package nl.ggz.contracts.demo;

import nl.ggz.contracts.demo.ScenarioPlan.Ending;
import nl.ggz.contracts.demo.ScenarioPlan.StopPlan;
import nl.ggz.contracts.domain.ceiling.ApproveIncrease;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.ceiling.IncreaseCriterion;
import nl.ggz.contracts.domain.ceiling.IssueClawBack;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.ceiling.RejectIncrease;
import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.ceiling.RequestIncrease;
import nl.ggz.contracts.domain.ceiling.SettleCeiling;
import nl.ggz.contracts.domain.ceiling.SignAddendum;
import nl.ggz.contracts.domain.contract.AcceptProposal;
import nl.ggz.contracts.domain.contract.AnnouncePatientStop;
import nl.ggz.contracts.domain.contract.DeclineContract;
import nl.ggz.contracts.domain.contract.LiftPatientStop;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.contract.ReviseProposal;
import nl.ggz.contracts.domain.contract.SignContract;
import nl.ggz.contracts.domain.contract.WithdrawOffer;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * One contract's history as dated commands: the offer (and for a negotiated contract its proposal rounds) in the
 * autumn before the year, signing, a claims batch for every month up to last month, and — as the plan says — an
 * increase request with its decision and addendum, a patient stop, a claw-back. Every moment lies before
 * {@code now}: nothing is dated in the future.
 */
final class ContractScenario {

    /** How an increase request ends; tried in a rotating order, the first that fits the calendar is taken. */
    enum RequestOutcome { APPROVED, REJECTED, OVERDUE, APPROVED_LATE, PENDING, REJECTED_LATE, ADDENDUM_UNSIGNED }

    /** The order outcomes are tried in, from a place that differs per contract: approvals are the most common. */
    private static final RequestOutcome[] OUTCOMES = {RequestOutcome.APPROVED, RequestOutcome.REJECTED_LATE,
            RequestOutcome.PENDING, RequestOutcome.APPROVED, RequestOutcome.OVERDUE, RequestOutcome.REJECTED,
            RequestOutcome.APPROVED_LATE, RequestOutcome.APPROVED, RequestOutcome.ADDENDUM_UNSIGNED};

    /**
     * Claims lines per month at scale 100, in an average month: far fewer and larger lines than a real claims system
     * sends, so that the year's amounts are right while a first start stays short (about 60,000 declarations).
     */
    private static final int LINES_INDEPENDENT = 10;
    private static final int LINES_INSTITUTION = 29;
    private static final int LINES_HOSPITAL_WARD = 19;
    private static final PrestatieCode[] AMBULANT_CODES = codes("CO0142", "CO0242", "CO0342", "DI0142", "GR0110",
            "CO0408");
    private static final PrestatieCode[] CLINICAL_CODES = codes("VB0101", "VB0202", "CO0142");
    /** Group treatment, left out of some institutions' offers (seed 002 §5.4: "bepaalde ... prestaties ... niet"). */
    private static final PrestatieCode LEFT_OUT = new PrestatieCode("GR0110");
    private static final String[] INCREASE_GROUNDS = {
            "wachtlijst in de regio ruim boven de Treeknorm (14 weken); geen alternatief zorgaanbod beschikbaar",
            "groei van het aantal verzekerden in de regio en extra instroom na sluiting van een andere aanbieder",
            "onvoorziene toename van complexe zorgvragen; productiemonitor tijdig en volledig aangeleverd",
            "nieuwe behandelaar (GZ-psycholoog) per 1 april in dienst; wachttijd loopt op tot 18 weken"};
    /** The criteria each of the grounds above makes its case on (seed 001; seed 002 §6.2), in the same order. */
    private static final List<List<IncreaseCriterion>> INCREASE_CRITERIA = List.of(
            List.of(IncreaseCriterion.WAITING_TIMES, IncreaseCriterion.NO_ALTERNATIVE_CARE),
            List.of(IncreaseCriterion.INSURED_GROWTH, IncreaseCriterion.CLIENT_GROWTH),
            List.of(IncreaseCriterion.UNFORESEEN_CIRCUMSTANCES, IncreaseCriterion.PRODUCTION_MONITOR),
            List.of(IncreaseCriterion.STAFF_CAPACITY, IncreaseCriterion.WAITING_TIMES));
    /** Seed 001's criteria: alternative care in the region, cost per client, the production monitor, duty of care. */
    private static final String[] REJECTION_GROUNDS = {
            "voldoende alternatief zorgaanbod in de regio beschikbaar",
            "stijging van de gemiddelde kosten per cliënt niet onderbouwd in relatie tot doelmatigheid",
            "productiemonitor niet tijdig en volledig aangeleverd",
            "zorgplicht in de regio komt niet in gevaar; wachttijden binnen de Treeknorm"};
    /** The listed reason of each of the grounds above, in the same order, which the NZa figures count (seed 003). */
    private static final RejectionReason[] REJECTION_REASONS = {RejectionReason.ALTERNATIVE_CARE_AVAILABLE,
            RejectionReason.COST_NOT_JUSTIFIED, RejectionReason.PRODUCTION_MONITOR_MISSING,
            RejectionReason.DUTY_OF_CARE_MET};
    private static final String[] CLAW_BACK_REASONS = {
            "materiële controle: consulten niet aantoonbaar geleverd volgens het dossier",
            "dubbele declaratie van dezelfde prestatie op dezelfde dag",
            "behandelaar niet geregistreerd voor de gedeclareerde beroepsgroep",
            "prestatie gedeclareerd na het einde van de behandeling"};

    private final ScenarioPlan plan;
    private final PolicyParameters policy;
    private final int year;
    private final LocalDate today;
    private final Instant now;
    private final int scalePercent;
    private final Random random;
    /** The claims lines draw from their own sequence, so that the story is the same at every scale. */
    private final Random lines;
    private final DemoParty purchaser;
    private final DemoParty provider;
    private final DemoParty claims;
    private final String contractId;
    private final List<DemoStep> steps = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    private int declarations;

    ContractScenario(ScenarioPlan plan, PolicyParameters policy, int year, Instant now, int scalePercent) {
        this.plan = plan;
        this.policy = policy;
        this.year = year;
        this.now = now;
        this.today = DomainTime.dateOf(now);
        this.scalePercent = scalePercent;
        this.random = new Random(2027L * 1_000_003L + plan.number());
        this.lines = new Random(2026L * 1_000_003L + plan.number());
        this.purchaser = DemoParty.purchaser(plan.insurer());
        this.provider = DemoParty.provider(plan.provider());
        this.claims = DemoParty.claims(plan.insurer());
        this.contractId = id("contract");
    }

    String contractId() {
        return contractId;
    }

    /** A correlation id for the whole scenario: every event of this contract's story can be found by it. */
    String correlationId() {
        return id("scenario");
    }

    /** What this scenario shows, for the summary in the log (e.g. "increase APPROVED", "stop CAPACITY lifted"). */
    List<String> facts() {
        return facts;
    }

    int declarations() {
        return declarations;
    }

    /** The commands in the order they happened; built once. */
    List<DemoStep> steps() {
        if (steps.isEmpty()) {
            build();
            steps.sort(Comparator.comparing(DemoStep::at));
            steps.removeIf(step -> !step.at().isBefore(now));
        }
        return steps;
    }

    private void build() {
        if (plan.ending() == Ending.OPEN_NEXT_YEAR) {
            offer(year + 1, at(today.minusDays(3 + random.nextInt(18)), 9), null, plan.ceilingCents());
            facts.add("offer open for " + (year + 1));
            return;
        }
        long ceiling = plan.kind() == ContractKind.NEGOTIATED ? negotiate() : digital();
        facts.add("contract " + plan.ending());
        if (plan.ending() == Ending.SIGNED) {
            facts.add("kind " + plan.kind());
            year(ceiling);
            if (plan.provider().type() != ProviderType.INDEPENDENT && plan.number() % 3 == 1) {
                pastYear();
            }
        }
    }

    /**
     * Last year's contract of this insurer and provider (institutions and wards, whose terms run one year), declared
     * in full and settled in the spring (seed 000: settlement continues into the next year), a few not settled yet;
     * now and then a claw-back after the settlement, a recovery on the settled year. Its own random sequence: this year's story stays as it is.
     */
    private void pastYear() {
        Random past = new Random(2025L * 1_000_003L + plan.number());
        int pastYear = year - 1;
        String pastId = id("past-contract");
        String ceilingId = CeilingIds.of(pastId, pastYear);
        long ceiling = wholeThousands(plan.ceilingCents() * (880 + past.nextInt(100)) / 1_000);
        Instant offered = at(LocalDate.of(pastYear - 1, 10, 1).plusDays(past.nextInt(10)), 9, past.nextInt(60));
        Instant expires = plan.kind() == ContractKind.NEGOTIATED
                ? LocalDate.of(pastYear - 1, 11, 11).atTime(17, 0).atZone(DomainTime.AMSTERDAM).toInstant() : null;
        ContractTerm term = new ContractTerm(LocalDate.of(pastYear, 1, 1), LocalDate.of(pastYear, 12, 31));
        step(offered, purchaser, t -> new OfferContract(pastId, plan.insurer().code(), plan.provider().code(),
                plan.provider().type(), plan.kind(), term, settings(), tariff(tariffBasisPoints()), null,
                Money.cents(ceiling), expires, t, null, null));
        // the provider signs the insurer's offer as it stands (seed 000: "bij overeenstemming")
        step(offered.plus(3 + past.nextInt(20), ChronoUnit.DAYS), provider,
                t -> new SignContract(pastId, plan.provider().signatory(), t));
        long target = ceiling * (600 + past.nextInt(550)) / 1_000;
        List<List<DeclarationLine>> batches = new ArrayList<>();
        long declared = 0;
        int weight = 0;
        for (int month = 1; month <= 12; month++) {
            weight += SeasonCurve.perMille(month);
            long cumulative = target * weight / cumulativeWeight(12);
            batches.add(batch(ceilingId, pastYear, month, cumulative - declared, past));
            declared = cumulative;
        }
        if (plan.number() % 9 == 7) {
            // settlement continues into the next year (seed 000): some years wait for the purchaser still
            facts.add("last year awaiting settlement");
            return;
        }
        // the purchaser settles once December's claims are in (seed 000), between 2 and 28 March
        LocalDate settledOn = LocalDate.of(year, 3, 2 + past.nextInt(27));
        step(at(settledOn, 10, past.nextInt(60)), purchaser, t -> new SettleCeiling(ceilingId, t));
        if (!at(settledOn, 10, 0).isBefore(now)) {
            facts.add("last year not settled yet");
            return;
        }
        facts.add("last year settled");
        if (plan.number() % 4 == 1) {
            // seed 001 (materiële controle) after the settlement: early declarations of the year, paid in full
            List<DeclarationLine> named = batches.get(past.nextInt(2)).subList(0, 1);
            long amount = named.get(0).amount().cents() / 2;
            LocalDate issued = settledOn.plusDays(20 + past.nextInt(40));
            String reason = CLAW_BACK_REASONS[past.nextInt(CLAW_BACK_REASONS.length)];
            step(at(issued, 13, past.nextInt(60)), purchaser, t -> new IssueClawBack(ceilingId,
                    id("past-claw-back"), Money.cents(amount), reason,
                    List.of(named.get(0).declarationId()), t));
            if (at(issued, 13, 59).isBefore(now)) {
                facts.add("recovery after settlement");
            }
        }
    }

    /** A DIGITAL offer in October (VECOZO), valid for the policy's six weeks (seed 002 §5.3). */
    private long digital() {
        Instant offered = at(LocalDate.of(year - 1, 10, 1).plusDays(random.nextInt(10)), 9);
        offer(year, offered, null, plan.ceilingCents());
        switch (plan.ending()) {
            case SIGNED -> sign(offered.plus(2 + random.nextInt(28), ChronoUnit.DAYS));
            case DECLINED -> step(offered.plus(5 + random.nextInt(20), ChronoUnit.DAYS), provider,
                    t -> new DeclineContract(contractId, random.nextBoolean()
                            ? "tariefpercentage ligt onder de kostprijs van de praktijk"
                            : "praktijk neemt geen nieuwe contracten met deze zorgverzekeraar", t));
            default -> {
                // EXPIRED: never answered; the offer lapses when the deadline manager runs again
            }
        }
        return plan.ceilingCents();
    }

    /**
     * A NEGOTIATED offer in early September, to be signed by 11 November 17:00 (seed 002 §6.3), with the provider's
     * counter-proposal and often the purchaser's answer to it. Returns the ceiling finally agreed.
     */
    private long negotiate() {
        LocalDate offeredOn = LocalDate.of(year - 1, 9, 1).plusDays(random.nextInt(14));
        Instant expires = LocalDate.of(year - 1, 11, 11).atTime(17, 0).atZone(DomainTime.AMSTERDAM).toInstant();
        offer(year, at(offeredOn, 10), expires, plan.ceilingCents());
        long offered = plan.ceilingCents();
        int offeredTariff = tariffBasisPoints();
        LocalDate day = offeredOn.plusDays(10 + random.nextInt(11));
        long asked = wholeThousands(offered * (1_080 + random.nextInt(70)) / 1_000);
        step(at(day, 14), provider, t -> proposal(Party.PROVIDER, asked, offeredTariff + 150, t));
        long agreed = asked;
        if (random.nextInt(10) < 6) {
            day = day.plusDays(7 + random.nextInt(8));
            agreed = wholeThousands((offered + asked) / 2);
            long counter = agreed;
            step(at(day, 11), purchaser, t -> proposal(Party.PURCHASER, counter, offeredTariff + 75, t));
        } else if (plan.ending() == Ending.SIGNED) {
            // seed 000, "bij overeenstemming": the provider signs its own proposal only once the insurer accepted it,
            // well within the six weeks the insurer has to answer a quote (seed 002 §6.3)
            day = day.plusDays(5 + random.nextInt(10));
            step(at(day, 11), purchaser, t -> new AcceptProposal(contractId,
                    "afdeling zorginkoop GGZ, " + plan.insurer().name(), t));
            facts.add("provider's proposal accepted");
        }
        day = day.plusDays(3 + random.nextInt(8));
        switch (plan.ending()) {
            case SIGNED -> sign(at(day, 15));
            case WITHDRAWN -> step(at(day, 16), purchaser, t -> new WithdrawOffer(contractId,
                    "geen overeenstemming over omzetplafond en tariefpercentage", t));
            case DECLINED -> step(at(day, 16), provider, t -> new DeclineContract(contractId,
                    "omzetplafond te laag voor de wachtlijst in de regio", t));
            default -> {
                // EXPIRED: the talks stall and the offer lapses on 11 November
            }
        }
        return agreed;
    }

    private void offer(int contractYear, Instant offeredAt, Instant expiresAt, long ceiling) {
        int years = policy.termYearsFor(plan.provider().type());
        ContractTerm term = new ContractTerm(LocalDate.of(contractYear, 1, 1),
                LocalDate.of(contractYear + years - 1, 12, 31));
        int basisPoints = tariffBasisPoints();
        Map<Setting, TariffPercentage> perSetting = tariffsPerSetting(basisPoints);
        if (perSetting != null) {
            facts.add("tariffs per setting");
        }
        if (leavesGroupTreatmentOut()) {
            facts.add("prestatie left out by the offer");
        }
        step(offeredAt, purchaser, t -> new OfferContract(contractId, plan.insurer().code(),
                plan.provider().code(), plan.provider().type(), plan.kind(), term, settings(),
                perSetting == null ? tariff(basisPoints) : null, perSetting, Money.cents(ceiling), expiresAt, t,
                leavesGroupTreatmentOut() ? Set.of(LEFT_OUT) : null, null));
    }

    /** A proposal round at this tariff (per setting where the offer differentiated it). */
    private ReviseProposal proposal(Party by, long ceiling, int basisPoints, Instant at) {
        Map<Setting, TariffPercentage> perSetting = tariffsPerSetting(basisPoints);
        return new ReviseProposal(contractId, by, Money.cents(ceiling),
                perSetting == null ? tariff(Math.min(10_000, basisPoints)) : null, perSetting, null, at);
    }

    /**
     * Seed 001 differentiates the tariff per setting: for a third of the institutions and wards, the multidisciplinary,
     * outreaching and clinical settings are paid a higher share of the NZa maximum than the monodisciplinary one.
     * Null where one tariff holds for every setting.
     */
    private Map<Setting, TariffPercentage> tariffsPerSetting(int basisPoints) {
        Set<Setting> settings = settings();
        if (plan.provider().type() == ProviderType.INDEPENDENT || settings.size() < 2 || plan.number() % 3 != 0) {
            return null;
        }
        SortedMap<Setting, TariffPercentage> tariffs = new TreeMap<>();
        for (Setting setting : settings) {
            int extra = switch (setting.number()) {
                case 3 -> 100;
                case 4 -> 150;
                case 5 -> 200;
                default -> 0;
            };
            tariffs.put(setting, tariff(Math.min(10_000, basisPoints + extra)));
        }
        return tariffs;
    }

    /** Some institutions' offers leave group treatment out from the start (seed 002 §5.4). */
    private boolean leavesGroupTreatmentOut() {
        return plan.provider().type() == ProviderType.INSTITUTION && plan.number() % 5 == 2;
    }

    private void sign(Instant signedAt) {
        step(signedAt, provider, t -> new SignContract(contractId, plan.provider().signatory(), t));
    }

    /** The contract year up to last month: claims batches, and what the plan adds to them. */
    private void year(long ceiling) {
        String ceilingId = CeilingIds.of(contractId, year);
        int lastMonth = today.getYear() == year ? today.getMonthValue() - 1 : 12;
        long[] cumulative = new long[lastMonth + 1];
        List<List<DeclarationLine>> batches = new ArrayList<>();
        batches.add(List.of());
        long target = ceiling * plan.utilisationPerMille() / 1_000;
        int weightToDate = 0;
        for (int m = 1; m <= lastMonth; m++) {
            weightToDate += SeasonCurve.perMille(m);
        }
        int weight = 0;
        for (int month = 1; month <= lastMonth; month++) {
            weight += SeasonCurve.perMille(month);
            cumulative[month] = target * weight / weightToDate;
            batches.add(batch(ceilingId, month, cumulative[month] - cumulative[month - 1]));
        }
        if (lastMonth == 0) {
            return;
        }
        // seed 001: the provider reports at 70 % and may then ask for more room
        int crossed70 = firstMonthAt(cumulative, ceiling * 70 / 100, Raise.NONE);
        Raise raise = plan.asksIncrease() && crossed70 > 0
                ? increase(ceilingId, ceiling, receivedOn(year, crossed70), cumulative, lastMonth)
                : Raise.NONE;
        LocalDate raisedOn = raise.signedOn();
        int crossed100 = firstMonthAt(cumulative, ceiling, raise);
        if (crossed100 > 0) {
            facts.add("past 100 %");
        } else if (crossed70 > 0) {
            facts.add("past 70 %");
        } else {
            facts.add("under 70 %");
        }
        if (plan.stop() == StopPlan.CEILING_REACHED && crossed100 > 0) {
            ceilingStop(receivedOn(year, crossed100), raisedOn);
        } else if (plan.stop() == StopPlan.CAPACITY) {
            capacityStop();
        }
        if (plan.clawBack() && lastMonth >= 3) {
            clawBack(ceilingId, batches, lastMonth);
        }
    }

    /** The first month whose batch takes the counted amount to {@code level}, or level plus a raise signed before. */
    private int firstMonthAt(long[] cumulative, long level, Raise raise) {
        for (int month = 1; month < cumulative.length; month++) {
            long inForce = raise.signedOn() != null && raise.signedOn().isBefore(receivedOn(year, month))
                    ? level + raise.cents() : level;
            if (cumulative[month] >= inForce) {
                return month;
            }
        }
        return 0;
    }

    private List<DeclarationLine> batch(String ceilingId, int month, long amount) {
        return batch(ceilingId, year, month, amount, lines);
    }

    /** A month's claims batch of a contract year, its lines drawn from {@code lines}. */
    private List<DeclarationLine> batch(String ceilingId, int contractYear, int month, long amount, Random lines) {
        int base = switch (plan.provider().type()) {
            case INDEPENDENT -> LINES_INDEPENDENT;
            case INSTITUTION -> LINES_INSTITUTION;
            case HOSPITAL_WARD -> LINES_HOSPITAL_WARD;
        };
        int count = (int) Math.max(1, Math.min(amount / 5_000, (long) base * SeasonCurve.perMille(month)
                * scalePercent / 100_000));
        int[] weights = new int[count];
        long weightSum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 700 + lines.nextInt(600);
            weightSum += weights[i];
        }
        List<Integer> settings = new ArrayList<>(new TreeSet<>(settings()).stream().map(Setting::number).toList());
        List<DeclarationLine> batch = new ArrayList<>(count);
        long left = amount;
        for (int i = 0; i < count; i++) {
            long share = i == count - 1 ? left : amount * weights[i] / weightSum;
            left -= share;
            int setting = settings.get(lines.nextInt(settings.size()));
            PrestatieCode[] codes = setting == 5 ? CLINICAL_CODES : AMBULANT_CODES;
            PrestatieCode code = codes[lines.nextInt(codes.length)];
            if (code.equals(LEFT_OUT) && leavesGroupTreatmentOut()) {
                // the claims system knows what the contract left out: an individual consult instead
                code = AMBULANT_CODES[0];
            }
            String id = String.format("ZPM-%s-%05d-%06d", plan.insurer().uzovi(), plan.number(), declarations++);
            batch.add(new DeclarationLine(id, SeasonCurve.treatmentDay(contractYear, month, lines),
                    new Setting(setting), code, "p-" + Integer.toHexString(0x100000 + lines.nextInt(0xEFFFFF)),
                    Money.cents(share), null));
        }
        step(at(receivedOn(contractYear, month), 2, plan.number() % 60), claims,
                t -> new RecordDeclarations(ceilingId, batch, t));
        return batch;
    }

    /** The claims system sends each month's declarations in the night after the month ends. */
    private static LocalDate receivedOn(int year, int month) {
        return LocalDate.of(year, month, 1).plusMonths(1);
    }

    /**
     * The provider asks for more room a few days after the 70 % report (seed 001), inside the policy's window; the
     * outcome is the first of a rotating list that the calendar allows.
     */
    private Raise increase(String ceilingId, long ceiling, LocalDate crossed, long[] cumulative, int lastMonth) {
        LocalDate windowStart = DomainTime.dateOf(policy.increaseWindowStart());
        LocalDate windowLast = DomainTime.dateOf(policy.increaseWindowEnd().minusSeconds(1)).minusDays(1);
        LocalDate earliest = crossed.plusDays(2 + random.nextInt(8));
        if (earliest.isBefore(windowStart)) {
            earliest = windowStart.plusDays(random.nextInt(10));
        }
        // the decision period of the contract's kind, in days from a request on the earliest day (seed 001: 4 weeks
        // or 1 month; seed 002 §6.3: by 31 March of the next year)
        int period = (int) ChronoUnit.DAYS.between(earliest,
                DomainTime.dateOf(policy.decisionDueAt(plan.kind(), at(earliest, 11, 0)).minusSeconds(1)));
        LocalDate latest = windowLast.isBefore(today.minusDays(1)) ? windowLast : today.minusDays(1);
        if (earliest.isAfter(latest)) {
            facts.add("no increase request: the window was closed");
            return Raise.NONE;
        }
        // the year's expected overrun, between 10 % and the cap of 50 % of the initial ceiling (seed 001)
        long expected = cumulative[lastMonth] * 12_000 / cumulativeWeight(lastMonth) - ceiling;
        long cap = ceiling * policy.increaseCapPercent() / 100;
        long amount = Math.min(wholeThousands(Math.max(ceiling / 10, Math.min(expected, cap))), wholeThousands(cap));
        // where the decision period is long (seed 002: decided by 31 March), half the requests are still waiting
        if (period > 60 && plan.number() % 2 == 0) {
            LocalDate requested = requestDay(RequestOutcome.PENDING, earliest, latest, period);
            if (requested != null) {
                facts.add("increase " + RequestOutcome.PENDING);
                return request(ceilingId, RequestOutcome.PENDING, requested, amount, period);
            }
        }
        for (int i = 0; i < OUTCOMES.length; i++) {
            RequestOutcome outcome = OUTCOMES[(plan.number() + i) % OUTCOMES.length];
            LocalDate requested = requestDay(outcome, earliest, latest, period);
            if (requested != null) {
                facts.add("increase " + outcome);
                return request(ceilingId, outcome, requested, amount, period);
            }
        }
        facts.add("no increase request: no outcome fits the calendar");
        return Raise.NONE;
    }

    private static int cumulativeWeight(int month) {
        int sum = 0;
        for (int m = 1; m <= month; m++) {
            sum += SeasonCurve.perMille(m);
        }
        return sum;
    }

    /** The day of the request for this outcome, or null when the calendar does not allow the outcome. */
    private LocalDate requestDay(RequestOutcome outcome, LocalDate earliest, LocalDate latest, int period) {
        LocalDate lastFor = switch (outcome) {
            // decided in two to four weeks, an addendum signed within a week after
            case APPROVED, REJECTED, ADDENDUM_UNSIGNED -> today.minusDays(Math.min(period - 1, 25) + 10);
            // decided one to six weeks after the decision period ran out
            case APPROVED_LATE, REJECTED_LATE -> today.minusDays(period + 50);
            case OVERDUE -> today.minusDays(period + 2);
            case PENDING -> latest;
        };
        LocalDate firstFor = outcome == RequestOutcome.PENDING ? today.minusDays(period - 3) : earliest;
        if (firstFor.isBefore(earliest)) {
            firstFor = earliest;
        }
        if (lastFor.isAfter(latest)) {
            lastFor = latest;
        }
        if (firstFor.isAfter(lastFor)) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(firstFor, lastFor);
        return firstFor.plusDays(random.nextInt((int) Math.min(span, 6) + 1));
    }

    private Raise request(String ceilingId, RequestOutcome outcome, LocalDate requested, long amount, int period) {
        String requestId = id("request");
        int ground = random.nextInt(INCREASE_GROUNDS.length);
        String grounds = INCREASE_GROUNDS[ground];
        Instant requestedAt = at(requested, 11);
        step(requestedAt, provider, t -> new RequestIncrease(ceilingId, requestId, Money.cents(amount), grounds,
                INCREASE_CRITERIA.get(ground), t));
        boolean late = outcome == RequestOutcome.APPROVED_LATE || outcome == RequestOutcome.REJECTED_LATE;
        LocalDate decided = late
                ? requested.plusDays(period + 7 + random.nextInt(35))
                : requested.plusDays(7 + random.nextInt(Math.min(period - 1, 25) - 6));
        if (late || outcome == RequestOutcome.OVERDUE) {
            // the request is overdue before the purchaser gets to it; and the ceiling's later steps (next months'
            // claims) are written after the overdue event, so that its stream is stored in the order it happened
            // due as the aggregate counts it: at the end of the due day in Amsterdam
            Instant due = policy.decisionDueAt(plan.kind(), requestedAt);
            steps.add(new DemoStep(due.plusSeconds(1), null, new AwaitOverdue(ceilingId, requestId, due)));
        }
        switch (outcome) {
            case APPROVED, APPROVED_LATE, ADDENDUM_UNSIGNED -> {
                long approved = random.nextInt(3) == 0 ? wholeThousands(amount * (600 + random.nextInt(300)) / 1_000)
                        : amount;
                String addendumId = id("addendum");
                step(at(decided, 15), purchaser, t -> new ApproveIncrease(ceilingId, requestId, addendumId,
                        Money.cents(approved), t));
                if (outcome == RequestOutcome.ADDENDUM_UNSIGNED) {
                    return Raise.NONE;
                }
                // seed 001: the increase is final only once the provider signs the addendum (in VECOZO)
                LocalDate signed = decided.plusDays(1 + random.nextInt(7));
                step(at(signed, 10), provider,
                        t -> new SignAddendum(ceilingId, addendumId, plan.provider().signatory(), t));
                return new Raise(approved, signed);
            }
            case REJECTED, REJECTED_LATE -> {
                int rejected = random.nextInt(REJECTION_GROUNDS.length);
                String rejection = REJECTION_GROUNDS[rejected];
                step(at(decided, 15), purchaser, t -> new RejectIncrease(ceilingId, requestId, rejection,
                        List.of(REJECTION_REASONS[rejected]), t));
            }
            default -> {
                // PENDING or OVERDUE: nobody has decided yet
            }
        }
        return Raise.NONE;
    }

    /** Seed 003 §4.3: a stop because the ceiling is reached, lifted when an addendum raises it, or after a while. */
    private void ceilingStop(LocalDate reached, LocalDate raisedOn) {
        LocalDate from = reached.plusDays(3 + random.nextInt(12));
        LocalDate to = null;
        if (raisedOn != null && raisedOn.isAfter(from)) {
            to = raisedOn.plusDays(random.nextInt(5));
        } else if (random.nextBoolean()) {
            to = from.plusDays(random.nextBoolean() ? 10 + random.nextInt(20) : 35 + random.nextInt(90));
        }
        stop(PatientStopReason.CEILING_REACHED, from, to);
    }

    /** Seed 003 §4.3: a stop for lack of staff; at independents usually longer than three months. */
    private void capacityStop() {
        LocalDate from = LocalDate.of(year, 2, 1).plusDays(random.nextInt(220));
        int days = plan.provider().type() == ProviderType.INDEPENDENT
                ? 45 + random.nextInt(160)
                : 10 + random.nextInt(80);
        stop(PatientStopReason.CAPACITY, from, from.plusDays(days - 1));
    }

    private void stop(PatientStopReason reason, LocalDate from, LocalDate to) {
        if (!from.isBefore(today)) {
            return;
        }
        String stopId = id("stop");
        step(at(from, 8), provider, t -> new AnnouncePatientStop(contractId, stopId, reason, from, t));
        if (to != null && to.plusDays(1).isBefore(today)) {
            step(at(to.plusDays(1), 9), provider, t -> new LiftPatientStop(contractId, stopId, to, t));
            facts.add("stop " + reason + " lifted");
        } else {
            facts.add("stop " + reason + " ongoing");
        }
    }

    /** Seed 001 (materiële controle): a few declarations of an earlier month reclaimed, named one by one. */
    private void clawBack(String ceilingId, List<List<DeclarationLine>> batches, int lastMonth) {
        int month = 1 + random.nextInt(lastMonth - 2);
        List<DeclarationLine> lines = batches.get(month).subList(0, Math.min(1 + random.nextInt(3),
                batches.get(month).size()));
        List<String> named = lines.stream().map(DeclarationLine::declarationId).toList();
        // the named declarations whole, or half of what they came to
        long amount = lines.stream().mapToLong(line -> line.amount().cents()).sum() / (random.nextBoolean() ? 1 : 2);
        LocalDate issued = receivedOn(year, month).plusDays(30 + random.nextInt(30));
        String reason = CLAW_BACK_REASONS[random.nextInt(CLAW_BACK_REASONS.length)];
        step(at(issued, 13), purchaser, t -> new IssueClawBack(ceilingId, id("claw-back"), Money.cents(amount), reason,
                named, t));
        facts.add("claw-back");
    }

    /** A signed addendum: how much it raised the ceiling, and on which day. */
    private record Raise(long cents, LocalDate signedOn) {
        static final Raise NONE = new Raise(0, null);
    }

    private void step(Instant at, DemoParty party, Function<Instant, Object> command) {
        steps.add(new DemoStep(at, party, command.apply(at)));
    }

    /**
     * The settings offered, within those the insurer's policy allows the provider's type: independents setting 1
     * (seed 001, the default), at Zorg en Zekerheid the monodisciplinary setting 2 (seed 002 §5.1).
     */
    private Set<Setting> settings() {
        Set<Setting> wanted = switch (plan.provider().type()) {
            case INDEPENDENT -> Set.of(new Setting(1));
            case INSTITUTION -> plan.ceilingCents() >= 300_000_000L
                    ? Set.of(new Setting(2), new Setting(3), new Setting(4), new Setting(5))
                    : Set.of(new Setting(2), new Setting(3));
            case HOSPITAL_WARD -> Set.of(new Setting(3), new Setting(5));
        };
        return policy.settingsAllowedFor(plan.provider().type()).map(allowed -> {
            Set<Setting> both = new TreeSet<>(wanted);
            both.retainAll(allowed);
            return both.isEmpty() ? Set.copyOf(allowed) : Set.copyOf(both);
        }).orElse(wanted);
    }

    /** The insurer's tariff percentage of the NZa maximum tariffs, in hundredths of a percent. */
    private int tariffBasisPoints() {
        int insurer = (Integer.parseInt(plan.insurer().uzovi()) % 7) * 75;
        return 9_000 + insurer + (plan.kind() == ContractKind.NEGOTIATED ? 300 : 0);
    }

    private static PrestatieCode[] codes(String... codes) {
        return Arrays.stream(codes).map(PrestatieCode::new).toArray(PrestatieCode[]::new);
    }

    private static TariffPercentage tariff(int basisPoints) {
        return TariffPercentage.of(basisPoints / 100 + "." + String.format("%02d", basisPoints % 100));
    }

    /** Down to whole thousands of euros, at least one thousand. */
    private static long wholeThousands(long cents) {
        return Math.max(100_000, cents / 100_000 * 100_000);
    }

    private Instant at(LocalDate day, int hour) {
        return at(day, hour, random.nextInt(60));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DomainTime.AMSTERDAM).toInstant();
    }

    private String id(String what) {
        return UUID.nameUUIDFromBytes(("ggz-demo-" + plan.number() + "-" + what).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
