package nl.ggz.contracts.domain.ceiling;

/**
 * The criteria a request for more room under the ceiling is judged on, as the insurers list them. A request names the
 * ones it makes its case on, with free text beside them ({@code grounds}).
 */
public enum IncreaseCriterion {
    /** Seed 001: "de huidige situatie met betrekking tot wachttijden ... in relatie tot onze zorgplicht". */
    WAITING_TIMES,
    /** Seed 001 (negotiated contracts): only when there is no sufficient alternative care for the insured in the region. */
    NO_ALTERNATIVE_CARE,
    /** Seed 001: "de personele capaciteit (in FTE) en het VGZ-marktaandeel van de zorgaanbieder". */
    STAFF_CAPACITY,
    /** Seed 001: "de (ontwikkeling van de) gemiddelde kosten per cliënt" (efficiency of the care given). */
    COST_PER_CLIENT,
    /** Seed 001: "de algemene groei en ontwikkeling van het aantal cliënten met een zorgvraag". */
    CLIENT_GROWTH,
    /** Seed 001: "de mate waarin de geleverde zorg voldoet aan de geldende wet- en regelgeving en de stand van wetenschap". */
    CARE_STANDARDS,
    /** Seed 001: "samenwerkingsafspraken ... in de regio om tijdig te kunnen op- of afschalen". */
    REGIONAL_COOPERATION,
    /** Seed 001 (negotiated contracts): "het tijdig en volledig aanleveren van de VGZ-productiemonitor". */
    PRODUCTION_MONITOR,
    /** Seed 002 §6.2: "aantoonbare groei van verzekerden". */
    INSURED_GROWTH,
    /** Seed 002 §6.2: "onvoorziene omstandigheden die optreden na het sluiten van de zorgovereenkomst". */
    UNFORESEEN_CIRCUMSTANCES
}
