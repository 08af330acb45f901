package nl.ggz.contracts.benchmarks.baseline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** One declaration, one command: how a plain Axon design would take a claims line. */
public record RecordBaselineDeclaration(@TargetAggregateIdentifier String ceilingId,
                                        String declarationId,
                                        String prestatieCode,
                                        int setting,
                                        LocalDate treatmentDate,
                                        String patientRef,
                                        long amountCents) {
}
