package nl.ggz.contracts.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The API's main answers as a client reads them (DESIGN.md §5), written down here, apart from the classes the server
 * serialises, so that a field renamed, dropped or added on the server breaks these tests the way it would break a
 * client. They are read strictly: an unknown field, a missing field, a number where text is due (or text, a fraction
 * or null where a whole number is), a date or instant not in ISO form, each fails the read.
 */
final class Responses {

    private Responses() {
    }

    private static final ObjectMapper PUBLISHED = published();

    private static ObjectMapper published() {
        ObjectMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstant()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // "2027-04-15T00:00" is not a date, nor a number of milliseconds an instant
                .defaultLeniency(false)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** An instant as ISO-8601 text only: Jackson's own takes a number too, as seconds since 1970. */
    private static final class IsoInstant extends StdDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** The body read as {@code type}; a body of another shape fails the test, showing the status and the body. */
    static <T> T read(int status, String body, Class<T> type) {
        return read(status, body, PUBLISHED.constructType(type));
    }

    static <T> List<T> readList(int status, String body, Class<T> type) {
        return read(status, body, PUBLISHED.getTypeFactory().constructCollectionType(List.class, type));
    }

    private static <T> T read(int status, String body, JavaType type) {
        try {
            return PUBLISHED.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + type.toCanonical() + " (" + e.getOriginalMessage() + "), answered "
                    + status + ": " + body, e);
        }
    }

    /** The figures of a ceiling, as the ceiling state and a monitoring row both show them. */
    interface Figures {
        long ceilingCents();

        long declaredCents();

        long clawedBackCents();

        long withdrawnUnpaidCents();

        long payableCents();

        long unpaidCents();

        BigDecimal utilisationPercent();
    }

    /** {@code GET /api/contracts/{id}}, and the answer of every command on a contract. */
    record Contract(String contractId, String insurerUzovi, String providerAgb, String providerType, String kind,
                    LocalDate termStart, LocalDate termEnd, List<Integer> settings, BigDecimal tariffPercentage,
                    Map<String, BigDecimal> tariffPercentages, long ceilingCents, String status, Instant offeredAt,
                    Instant offerExpiresAt, int proposalRound, String lastProposedBy, boolean proposalAccepted,
                    Instant acceptedAt, String acceptedBy, boolean awaitingAcceptance, Instant proposalAnswerDueAt,
                    boolean proposalAnswerOverdue, Instant signedAt, String signedBy, Instant closedAt,
                    String closingReason, LocalDate terminationEffectiveDate, List<Integer> excludedSettings,
                    List<String> excludedPrestatieCodes, List<Exclusion> exclusions, List<CeilingRef> ceilings,
                    List<PatientStop> patientStops, String renewalOf, String renewedAs) {
    }

    /** A setting or a prestatie left out (by the offer, or an amendment: {@code amendedAt}) for care from {@code from}. */
    record Exclusion(Integer setting, String prestatieCode, LocalDate from, Instant amendedAt,
                     String backdatingReason) {
    }

    /** {@code settledAt}: the year of the ceiling was settled (issue 15). */
    record CeilingRef(String ceilingId, int year, long ceilingCents, Instant settledAt) {
        CeilingRef(String ceilingId, int year, long ceilingCents) {
            this(ceilingId, year, ceilingCents, null);
        }
    }

    record PatientStop(String stopId, String reason, LocalDate from, LocalDate to, Instant announcedAt,
                       Instant liftedAt) {
    }

    /** One line of {@code GET /api/contracts?insurer=&year=&status=}. */
    record ContractSummary(String contractId, String insurerUzovi, String providerAgb, String providerType,
                           String kind, LocalDate termStart, LocalDate termEnd, String status, long ceilingCents) {
    }

    /** {@code GET /api/ceilings/{id}}, and the answer of a rejection or an addendum's signature. */
    record Ceiling(String ceilingId, String contractId, String insurerUzovi, String providerAgb, int year,
                   long initialCeilingCents, long ceilingCents, long declaredCents, long payableCents,
                   long unpaidCents, long clawedBackCents, long withdrawnUnpaidCents, BigDecimal utilisationPercent,
                   List<Integer> thresholdsReached, List<Threshold> thresholds, long declarations, long credits,
                   Instant settledAt, Settlement settlement, long recoveredAfterSettlementCents,
                   List<IncreaseRequest> increaseRequests, List<Addendum> addenda, List<ClawBack> clawBacks)
            implements Figures {
    }

    /** Every crossing, with the ceiling it was reached against; cleared when a raise left it unreached. */
    record Threshold(int percent, Instant reachedAt, long countedCents, long ceilingCents, Instant clearedAt,
                     String clearedByAddendumId) {
    }

    record Settlement(Instant settledAt, long ceilingCents, long declaredCents, long payableCents, long unpaidCents,
                      long clawedBackCents, long withdrawnUnpaidCents) {
    }

    record IncreaseRequest(String requestId, long amountCents, String grounds, List<String> criteria, String status,
                           Instant requestedAt, Instant completeAt, Instant decisionDueAt, boolean overdue,
                           List<InformationRound> information, Instant decidedAt, Long approvedCents,
                           String decisionGrounds, List<String> rejectionReasons, String addendumId) {
    }

    record InformationRound(Instant askedAt, String question, Instant answeredAt, String answer) {
    }

    record Addendum(String addendumId, String requestId, long amountCents, Instant offeredAt, Instant signedAt,
                    String signedBy) {
    }

    record ClawBack(String clawBackId, long amountCents, long reclaimedCents, long withdrawnUnpaidCents,
                    boolean afterSettlement, String reason, List<String> declarationIds, Instant issuedAt) {
    }

    /** {@code POST /api/declarations}: a result per line, in the order of the lines. */
    record DeclarationResults(List<DeclarationResult> results) {
        List<String> statuses() {
            return results.stream().map(DeclarationResult::status).toList();
        }

        DeclarationResult first() {
            return results.get(0);
        }
    }

    record DeclarationResult(String declarationId, String status, String ceilingId, Long payableCents,
                             Long unpaidCents, String reason) {
    }

    /** {@code GET /api/monitoring/ceilings?insurer=&year=}. */
    record Monitoring(String insurerUzovi, int year, MonitoringTotals totals, List<MonitoringRow> ceilings) {
    }

    record MonitoringTotals(int ceilings, long initialCeilingCents, long ceilingCents, long declaredCents,
                            long payableCents, long unpaidCents, long clawedBackCents, long withdrawnUnpaidCents,
                            BigDecimal utilisationPercent, Map<Integer, Integer> ceilingsPerThresholdReached,
                            int openIncreaseRequests, int overdueIncreaseRequests, int ceilingsSettled) {
    }

    record MonitoringRow(String ceilingId, String contractId, String insurerUzovi, String providerAgb,
                         String providerType, String kind, int year, long initialCeilingCents, long ceilingCents,
                         long declaredCents, long payableCents, long unpaidCents, long clawedBackCents,
                         long withdrawnUnpaidCents, BigDecimal utilisationPercent,
                         List<ThresholdReached> thresholdsReached, BigDecimal expectedUtilisationPercent, String pace,
                         long recentRunRateCentsPerDay, LocalDate projectedExhaustionDate,
                         List<OpenIncreaseRequest> openIncreaseRequests, Instant settledAt,
                         long recoveredAfterSettlementCents)
            implements Figures {
    }

    record ThresholdReached(int percent, Instant reachedAt) {
    }

    /** An element of {@code GET /api/monitoring/increase-requests?insurer=}, and of a monitoring row. */
    record OpenIncreaseRequest(String requestId, String ceilingId, String contractId, String providerAgb,
                               String providerType, String kind, int year, long amountCents, String grounds,
                               List<String> criteria, String status, Instant requestedAt, Instant decisionDueAt,
                               long daysWaiting, boolean overdue) {
    }

    /** {@code GET /api/monitoring/ceilings/{id}/series}. */
    record Series(String ceilingId, String contractId, int year, long initialCeilingCents, List<Month> months,
                  List<ThresholdReached> thresholdsReached) {
    }

    record Month(String month, long declaredCents, long clawedBackCents, long withdrawnUnpaidCents,
                 long cumulativeCountedCents, long cumulativePayableCents, long ceilingCents, long evenSpreadCents) {
    }

    /** An element of {@code GET /api/contracts/{id}/timeline}. */
    record TimelineEntry(Instant at, String type, String description, String actor, Long amountCents,
                         String ceilingId) {
    }

    /** An error, as application/problem+json (RFC 9457). */
    record Problem(String type, String title, int status, String detail, String instance) {
    }
}
