package nl.ggz.contracts.domain.contract;

/** NZa monitor 2022 (seed 003): stops because the ceiling is reached, or for lack of capacity or staff. */
public enum PatientStopReason {
    CEILING_REACHED, CAPACITY
}
