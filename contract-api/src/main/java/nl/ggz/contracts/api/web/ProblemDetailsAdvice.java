package nl.ggz.contracts.api.web;

import nl.ggz.contracts.api.input.JsonProblems;
import nl.ggz.contracts.api.problem.ForbiddenException;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.problem.PayloadTooLargeException;
import nl.ggz.contracts.api.problem.TemporaryFailure;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.eventstore.WritesStillOpenException;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Every error as application/problem+json (RFC 9457) with a precise detail: 400 for input that cannot be read or
 * cannot exist, 404 for unknown ids, 409 for a request the current state does not allow, 422 for a request a purchasing
 * rule refuses, 503 with Retry-After while the database cannot be reached. Nothing a client sends turns into a 500,
 * and no stack trace or SQL leaves the server.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** Long enough for a restarting database or a connection pool to come back, short enough not to idle clients. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail refused(RuleViolationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a purchasing rule", e.getMessage());
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail conflict(StateConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in the current state", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, UnknownReferenceException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no contract or ceiling with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + " expects "
                + JsonProblems.kindOf(e.getRequiredType()) + ", got '" + Echo.of(String.valueOf(e.getValue())) + "'");
    }

    @ExceptionHandler(WritesStillOpenException.class)
    ProblemDetail writesStillOpen(WritesStillOpenException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again shortly", e.getMessage());
    }

    /**
     * The database is unreachable (stopped, restarting, connections cut) or another node kept winning the race for the
     * same aggregate: 503 with Retry-After, never a 500. Wrapped in Axon's or Spring's own exceptions these arrive at
     * {@link #unexpected}, which hands them here.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, ConcurrencyException.class})
    ProblemDetail temporarilyUnavailable(Exception e, HttpServletResponse response) throws Exception {
        String detail = TemporaryFailure.detailOf(e).orElse(null);
        if (detail == null || response.isCommitted()) {
            return unexpected(e, response);
        }
        log.warn("Answered 503: {} ({})", detail, rootMessage(e));
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", detail);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // a streamed answer (the audit export) failed half-way: a problem written now would pass for part of it.
            // Rethrown, it reaches the servlet container, which drops the connection: the client sees a broken
            // response, never one that looks complete
            throw e;
        }
        if (TemporaryFailure.detailOf(e).isPresent()) {
            return temporarilyUnavailable(e, response);
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; quote the X-Correlation-Id header when reporting this");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                // the body was cut off at the limit while being read (RequestBodyLimit)
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                JsonProblems.describe(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                detail.isEmpty() ? "the request body is invalid" : detail));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        // path variables and query parameters by their names; a body's fields by theirs
        String detail = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getFieldErrors().stream().map(f -> f.getField() + " " + f.getDefaultMessage())
                        : result.getResolvableErrors().stream().map(e -> parameterName(result)
                                + (result.getContainerIndex() == null ? "" : "[" + result.getContainerIndex() + "]")
                                + " " + e.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                detail.isEmpty() ? "the request is invalid" : detail));
    }

    private static String parameterName(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Every problem of the API. Whatever a detail quotes is cut to 40 characters, also where a message was written
     * elsewhere ("no processing group '…'"): a detail never carries kilobytes of a client's input back.
     */
    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                detail == null ? null : JsonProblems.quotesCut(detail));
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
