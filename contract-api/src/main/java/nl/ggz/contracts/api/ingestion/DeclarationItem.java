package nl.ggz.contracts.api.ingestion;

import java.time.LocalDate;

/** One line as the claims system sends it (DESIGN.md §5). */
public record DeclarationItem(String declarationId,
                              String contractId,
                              LocalDate treatmentDate,
                              Integer setting,
                              String prestatieCode,
                              String patientRef,
                              Long amountCents,
                              String correctsDeclarationId) {
}
