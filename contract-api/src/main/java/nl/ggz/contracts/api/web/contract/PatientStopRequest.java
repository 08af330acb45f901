package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.NotNull;
import nl.ggz.contracts.domain.contract.PatientStopReason;

import java.time.LocalDate;

public record PatientStopRequest(@NotNull PatientStopReason reason, @NotNull LocalDate from) {
}
