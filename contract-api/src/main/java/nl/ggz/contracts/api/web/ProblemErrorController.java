package nl.ggz.contracts.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container answers by itself — a request the firewall refuses before any controller sees it, say —
 * is a problem document too, instead of Spring Boot's own error JSON, and never carries the exception's words.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = switch (status) {
            case BAD_REQUEST -> "the request is malformed: check the URL (no empty, encoded or dot segments) and the body";
            case NOT_FOUND -> "no such resource";
            case INTERNAL_SERVER_ERROR -> "the request could not be completed; quote the X-Correlation-Id header when "
                    + "reporting this";
            default -> status.getReasonPhrase();
        };
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
