package nl.ggz.contracts.domain.ceiling;

/**
 * Why a request for more room was refused, in the terms the insurers' criteria give and the NZa monitor asks about
 * (seed 003 §4.2: the reasons and outcomes of requests for supplementary contracting). A rejection names one or more,
 * with free text beside them ({@code grounds}); the NZa figures count them.
 */
public enum RejectionReason {
    /** Seed 001: "Als er voldoende alternatief zorgaanbod beschikbaar is, wordt er verhogingsaanvraag niet geaccepteerd." */
    ALTERNATIVE_CARE_AVAILABLE,
    /** Seed 001: the increase is not needed to meet the insurer's duty of care (zorgplicht) in the region. */
    DUTY_OF_CARE_MET,
    /** Seed 001: the rise of the cost per client is not justified by the efficiency (doelmatigheid) of the care. */
    COST_NOT_JUSTIFIED,
    /** Seed 001: the production monitor was not delivered on time and in full. */
    PRODUCTION_MONITOR_MISSING,
    /** Seed 001: "Alleen correcte en volledig ingevulde aanvraagformulieren worden in behandeling genomen." */
    INCOMPLETE_REQUEST,
    /** Seed 001: the care does not meet the law and the state of science and practice. */
    CARE_STANDARDS_NOT_MET,
    /** Seed 002 §6.2: no demonstrable growth of insured persons nor unforeseen circumstances after signing. */
    NO_GROWTH_OR_UNFORESEEN_CIRCUMSTANCES,
    /** Seed 002 §6.2: "met inachtneming van het financiële kader dat Zorg en Zekerheid (nog) tot beschikking heeft". */
    NO_FINANCIAL_ROOM,
    /** Any other reason, told in the grounds. */
    OTHER
}
