package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.ceiling.SignAddendum;
import nl.ggz.contracts.domain.contract.DeclineContract;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.SignContract;
import nl.ggz.contracts.domain.renewal.ContractRenewals;
import nl.ggz.contracts.domain.renewal.RenewalOutcome;
import nl.ggz.contracts.domain.renewal.YearlyRenewalResult;
import nl.ggz.contracts.domain.shared.DomainTime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The purchasers' yearly renewal in the story. Seed 000's calendar: next year's contracts are concluded in the autumn
 * and the contracted care is published by 15 November; seed 001's planning for digital contracts: the VECOZO
 * questionnaire closes on 2 October 17:00 and the offer is accepted by 10 November 17:00, on this year's ceiling
 * "inclusief eventuele verhoging" — after the increase decisions of the summer (by 28 August). So on 5 October each
 * insurer's purchaser renews every signed contract ending this year ({@link ContractRenewals}, the API's yearly round),
 * open until 10 November 17:00; most providers sign within a few weeks, a few decline, some leave it (open, or expired
 * once 10 November has passed).
 * <p>
 * The renewal is written after the scenarios up to that day, so that what it reads — the ceilings in force — and the
 * contracts it writes to are as they were on 5 October. What a scenario does later to its contract (a patient stop,
 * next year's offer to a new provider) or to a ceiling whose addendum is signed after 5 October is held back and
 * written after the renewal ({@link #heldBack}): each stream is stored in the order of its moments, and a raise signed
 * later is not in the renewal.
 */
final class YearlyRenewalStory {

    /** Sends a command as the party would, and answers what the command answered. */
    interface Sender {
        Object send(DemoParty party, String correlationId, Object command);
    }

    private final ContractRenewals renewals;
    private final StoryTime story;
    private final Sender sender;
    private final Map<String, DemoProvider> providers;
    private final int year;
    private final Instant now;

    YearlyRenewalStory(ContractRenewals renewals, StoryTime story, Sender sender, List<DemoProvider> providers,
                       int year, Instant now) {
        this.renewals = renewals;
        this.story = story;
        this.sender = sender;
        this.providers = providers.stream().collect(Collectors.toMap(DemoProvider::agb, Function.identity()));
        this.year = year;
        this.now = now;
    }

    /** 5 October 10:00: after the questionnaire closed (2 October 17:00, seed 001). */
    static Instant moment(int year) {
        return LocalDate.of(year, 10, 5).atTime(10, 0).atZone(DomainTime.AMSTERDAM).toInstant();
    }

    /** Seed 001: "Uiterlijk 10 november ... voor 17.00 uur Accepteren overeenkomst". */
    static Instant acceptedBy(int year) {
        return LocalDate.of(year, 11, 10).atTime(17, 0).atZone(DomainTime.AMSTERDAM).toInstant();
    }

    /**
     * The steps of a scenario written after the renewal at {@code renewal}: those on the contract from then on, and
     * those on a ceiling from the signature of an addendum made after it (with the ceiling's steps after that), so
     * that the renewal reads the ceiling in force on its own day.
     */
    static List<DemoStep> heldBack(List<DemoStep> steps, Instant renewal) {
        Instant laterRaise = steps.stream()
                .filter(step -> step.command() instanceof SignAddendum && !step.at().isBefore(renewal))
                .map(DemoStep::at).min(Comparator.naturalOrder()).orElse(null);
        return steps.stream().filter(step -> !step.at().isBefore(renewal) && (onTheContract(step)
                || laterRaise != null && !step.at().isBefore(laterRaise))).toList();
    }

    private static boolean onTheContract(DemoStep step) {
        return step.command().getClass().getPackage() == OfferContract.class.getPackage();
    }

    /** Each insurer's round on the day, then the providers' answers; what was offered and answered, for the log. */
    String write(List<DemoInsurer> insurers) throws Exception {
        Instant at = moment(year);
        List<DemoStep> answers = new ArrayList<>();
        long offered = 0;
        long skipped = 0;
        for (int i = 0; i < insurers.size(); i++) {
            DemoInsurer insurer = insurers.get(i);
            DemoParty purchaser = DemoParty.purchaser(insurer);
            String correlation = "demo-renewal-" + insurer.uzovi() + "-" + year;
            Instant round = at.plus(i * 7L, ChronoUnit.MINUTES);
            YearlyRenewalResult result = story.step(round, () -> renewals.renewAllEndingIn(insurer.code(), year,
                    null, null, acceptedBy(year), purchaser.principal(), round,
                    command -> sender.send(purchaser, correlation, command)));
            offered += result.offered();
            skipped += result.skipped();
            for (RenewalOutcome outcome : result.results()) {
                if (outcome.status() == RenewalOutcome.Status.OFFERED) {
                    answer(outcome, round).ifPresent(answers::add);
                }
            }
        }
        answers.sort(Comparator.comparing(DemoStep::at));
        long signed = 0;
        long declined = 0;
        for (DemoStep answer : answers) {
            story.step(answer.at(), () -> sender.send(answer.party(), "demo-renewal-answer-" + year,
                    answer.command()));
            signed += answer.command() instanceof SignContract ? 1 : 0;
            declined += answer.command() instanceof DeclineContract ? 1 : 0;
        }
        return offered + " offered (" + skipped + " skipped), " + signed + " signed, " + declined + " declined";
    }

    /** Most providers sign in VECOZO within a few weeks, a few decline, some do not answer. */
    private Optional<DemoStep> answer(RenewalOutcome outcome, Instant offeredAt) {
        Random random = new Random(UUID.nameUUIDFromBytes(outcome.renewalContractId()
                .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
        int roll = random.nextInt(100);
        Instant answeredAt = DomainTime.dateOf(offeredAt).plusDays(2 + random.nextInt(30)).atTime(9 + random.nextInt(8),
                random.nextInt(60)).atZone(DomainTime.AMSTERDAM).toInstant();
        if (roll >= 90 || !answeredAt.isBefore(now) || !answeredAt.isBefore(acceptedBy(year))) {
            return Optional.empty();
        }
        DemoProvider provider = providers.get(outcome.provider().value());
        DemoParty party = DemoParty.provider(provider);
        String contractId = outcome.renewalContractId();
        Object command = roll < 84
                ? new SignContract(contractId, provider.signatory(), answeredAt)
                : new DeclineContract(contractId, "praktijk neemt volgend jaar geen nieuwe patiënten meer aan van "
                + "deze zorgverzekeraar", answeredAt);
        return Optional.of(new DemoStep(answeredAt, party, command));
    }
}
