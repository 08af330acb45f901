package nl.ggz.contracts.projections.timeline;

import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalAccepted;
import nl.ggz.contracts.domain.contract.ContractProposalAnswerOverdue;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractRenewed;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.Tariffs;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns contract and ceiling events into sentences a purchaser or auditor can read. */
final class TimelineDescriptions {

    /** What the timeline shows of one event. */
    record Line(String contractId, String ceilingId, String text, Money amount) {
    }

    private TimelineDescriptions() {
    }

    static Optional<Line> describe(Object event) {
        Line line = null;
        if (event instanceof ContractOffered e) {
            boolean leftOut = !e.excludedSettings().isEmpty() || !e.excludedPrestatieCodes().isEmpty();
            line = contract(e.contractId(), e.kind() + " contract offered to " + e.providerType() + " " + e.provider()
                    + " by insurer " + e.insurer() + " for " + e.term().start() + " to " + e.term().end()
                    + ", settings " + settings(e.settings()) + ", " + tariffs(e.tariffs()) + ", ceiling "
                    + e.ceiling() + " per year" + (leftOut ? ", leaving out " + excluded(e.excludedSettings(),
                    e.excludedPrestatieCodes()) : "") + "; open until " + moment(e.offerExpiresAt())
                    + (e.renewalOf() == null ? "" : "; offered as the renewal of contract " + e.renewalOf()),
                    e.ceiling());
        } else if (event instanceof ContractRenewed e) {
            // seed 001: next year's offer on this year's ceiling "inclusief eventuele verhoging"
            line = contract(e.contractId(), "Renewed by " + e.renewedBy() + ": the term " + e.renewalTerm().start()
                    + " to " + e.renewalTerm().end() + " offered as contract " + e.renewalContractId()
                    + " with a ceiling of " + e.ceiling() + " per year" + (e.ceilingFrom() == null
                    ? " set by the insurer" : ", the ceiling in force of " + e.ceilingFrom()
                    + " (raises from signed addenda included)"), e.ceiling());
        } else if (event instanceof ContractProposalRevised e) {
            line = contract(e.contractId(), "Proposal round " + e.round() + " by the " + e.proposedBy().name().toLowerCase()
                    + ": ceiling " + e.ceiling() + ", " + tariffs(e.tariffs()) + ", settings " + settings(e.settings())
                    + (e.answerDueAt() == null ? "" : "; the insurer answers by " + moment(e.answerDueAt())),
                    e.ceiling());
        } else if (event instanceof ContractProposalAccepted e) {
            line = contract(e.contractId(), "Proposal round " + e.round() + " of the provider accepted by "
                    + e.acceptedBy() + " for the insurer; the provider can sign it", null);
        } else if (event instanceof ContractProposalAnswerOverdue e) {
            line = contract(e.contractId(), "The insurer's answer to the provider's proposal of round " + e.round()
                    + " is overdue since " + moment(e.answerDueAt()), null);
        } else if (event instanceof ContractSigned e) {
            line = contract(e.contractId(), "Contract signed by " + e.signedBy() + "; " + e.ceilingIds().size()
                    + " ceiling(s) of " + e.ceilingPerYear() + " opened", e.ceilingPerYear());
        } else if (event instanceof ContractDeclined e) {
            line = contract(e.contractId(), "Offer declined by the provider" + reason(e.reason()), null);
        } else if (event instanceof ContractOfferWithdrawn e) {
            line = contract(e.contractId(), "Offer withdrawn by the insurer" + reason(e.reason()), null);
        } else if (event instanceof ContractOfferExpired e) {
            line = contract(e.contractId(), "Offer expired unsigned at " + moment(e.expiredAt()), null);
        } else if (event instanceof ContractAmended e) {
            line = contract(e.contractId(), "Contract amended: excluded " + excluded(e.excludedSettings(),
                    e.excludedPrestatieCodes()) + (e.effectiveDate() == null ? "" : " for care from "
                    + e.effectiveDate()) + reason(e.reason()) + (e.backdatingReason() == null ? ""
                    : " (backdated: " + e.backdatingReason() + ")"), null);
        } else if (event instanceof ContractTerminated e) {
            line = contract(e.contractId(), "Contract terminated; care after " + e.effectiveDate()
                    + " is not covered" + reason(e.reason()), null);
        } else if (event instanceof ContractEnded e) {
            line = contract(e.contractId(), "Contract term ended on " + e.endDate(), null);
        } else if (event instanceof PatientStopAnnounced e) {
            line = contract(e.contractId(), "Patient stop announced from " + e.from() + " (" + stopReason(e.reason().name())
                    + ")", null);
        } else if (event instanceof PatientStopLifted e) {
            line = contract(e.contractId(), "Patient stop lifted: it ran from " + e.from() + " to " + e.to(), null);
        } else if (event instanceof CeilingAgreed e) {
            line = ceiling(e.ceilingId(), "Ceiling " + e.year() + " opened at " + e.initialCeiling(),
                    e.initialCeiling());
        } else if (event instanceof CeilingThresholdReached e) {
            line = ceiling(e.ceilingId(), e.percent() + " % of the ceiling reached: " + e.counted()
                    + " of " + e.ceiling() + " counted", e.counted());
        } else if (event instanceof CeilingExhausted e) {
            line = ceiling(e.ceilingId(), "Ceiling exhausted: further declarations are held unpaid until it is raised",
                    e.ceiling());
        } else if (event instanceof CeilingThresholdsCleared e) {
            line = ceiling(e.ceilingId(), "Ceiling raised above " + (e.percents().isEmpty() ? "its exhaustion"
                    : e.percents().stream().map(p -> p + " %").collect(Collectors.joining(", ")) + " of it")
                    + ": " + e.counted() + " of " + e.ceiling() + " counted; "
                    + (e.percents().isEmpty() ? "" : "these marks are reported again when reached, ")
                    + (e.exhaustionCleared() ? "declarations are paid again" : "the ceiling stays exhausted"), null);
        } else if (event instanceof IncreaseRequested e) {
            line = ceiling(e.ceilingId(), "Increase of " + e.amount() + " requested (" + e.grounds()
                    + (e.criteria().isEmpty() ? "" : "; criteria " + e.criteria().stream().map(Enum::name)
                    .collect(Collectors.joining(", "))) + "); decision due " + due(e.decisionDueAt()), e.amount());
        } else if (event instanceof IncreaseInformationRequested e) {
            line = ceiling(e.ceilingId(), "More information asked on the increase request: " + e.question()
                    + "; the decision period stops until the provider sends it", null);
        } else if (event instanceof IncreaseRequestCompleted e) {
            line = ceiling(e.ceilingId(), "The provider sent the information asked for (" + e.information()
                    + "); the request is complete, decision due " + due(e.decisionDueAt()), null);
        } else if (event instanceof IncreaseApproved e) {
            line = ceiling(e.ceilingId(), "Increase approved: " + e.amount()
                    + ", final once the addendum is signed", e.amount());
        } else if (event instanceof IncreaseRejected e) {
            line = ceiling(e.ceilingId(), "Increase request rejected: " + e.grounds() + (e.reasons().isEmpty() ? ""
                    : " (reasons " + e.reasons().stream().map(Enum::name).collect(Collectors.joining(", ")) + ")"),
                    null);
        } else if (event instanceof IncreaseDecisionOverdue e) {
            line = ceiling(e.ceilingId(), "Decision on increase request overdue since " + due(e.decisionDueAt()),
                    null);
        } else if (event instanceof AddendumOffered e) {
            line = ceiling(e.ceilingId(), "Addendum offered for signature: ceiling +" + e.amount(),
                    e.amount());
        } else if (event instanceof AddendumSigned e) {
            line = ceiling(e.ceilingId(), "Addendum signed by " + e.signedBy() + ": ceiling raised from "
                    + e.previousCeiling() + " to " + e.newCeiling() + "; "
                    + e.released() + " held above the ceiling is now payable", e.amount());
        } else if (event instanceof ClawBackIssued e) {
            line = ceiling(e.ceilingId(), (e.afterSettlement() ? "Recovery after settlement: claw-back of "
                    : "Claw-back of ") + e.amount() + " on " + e.declarationIds().size() + " declaration(s): "
                    + e.reason() + (e.unpaidReduction().isPositive() ? "; " + e.payableReduction()
                    + " reclaimed of what was paid, " + e.unpaidReduction() + " taken off what was held unpaid" : ""),
                    e.amount());
        } else if (event instanceof CeilingSettled e) {
            line = ceiling(e.ceilingId(), "Year settled: " + e.payable() + " payable of " + e.declared()
                    + " declared against a ceiling of " + e.ceiling() + ", " + e.unpaid() + " left unpaid, "
                    + e.clawedBack() + " clawed back; no more declarations or credits for this year", e.payable());
        }
        return Optional.ofNullable(line);
    }

    private static Line contract(String contractId, String text, Money amount) {
        return new Line(contractId, null, text, amount);
    }

    private static Line ceiling(String ceilingId, String text, Money amount) {
        return new Line(nl.ggz.contracts.domain.ceiling.CeilingIds.contractIdOf(ceilingId), ceilingId, text, amount);
    }

    /** Dutch local time, to the minute. */
    private static String moment(java.time.Instant instant) {
        return MOMENT.format(instant.atZone(nl.ggz.contracts.domain.shared.DomainTime.AMSTERDAM));
    }

    /**
     * A due moment: decisions are due at the end of a Dutch day (the first instant of the next), which reads as "the end
     * of" that day; a due moment of before, at a clock time, as that moment.
     */
    private static String due(java.time.Instant instant) {
        java.time.LocalDate day = nl.ggz.contracts.domain.shared.DomainTime.dateOf(instant);
        return nl.ggz.contracts.domain.shared.DomainTime.startOf(day).equals(instant)
                ? "by the end of " + DAY.format(day.minusDays(1)) : moment(instant);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private static final java.time.format.DateTimeFormatter MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm z", java.util.Locale.ENGLISH);

    /** "tariff 92.50 % of the NZa maximum", or per setting when they differ. */
    private static String tariffs(Tariffs tariffs) {
        return tariffs.uniform() != null ? "tariff " + tariffs.uniform() + " of the NZa maximum"
                : "tariffs " + tariffs + " of the NZa maximum";
    }

    private static String settings(Collection<Setting> settings) {
        return settings.stream().sorted().map(s -> String.valueOf(s.number())).collect(Collectors.joining(", "));
    }

    private static String excluded(Collection<Setting> settings, Collection<PrestatieCode> codes) {
        String s = settings.isEmpty() ? "" : "settings " + settings(settings);
        String c = codes.isEmpty() ? "" : "prestaties " + codes.stream().map(PrestatieCode::value)
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? c : c.isEmpty() ? s : s + " and " + c;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " — " + reason;
    }

    private static String stopReason(String reason) {
        return "CEILING_REACHED".equals(reason) ? "ceiling reached" : "lack of capacity or staff";
    }
}
