package nl.ggz.contracts.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some requests before the application sees them (an encoded slash, backslash or NUL in the URL,
 * headers over the size limit) and answers with an HTML page naming the server; this valve answers those as problem
 * documents like everything else. Tomcat answers headers that are too large with a plain 400: here they are what they
 * are, 431 Request Header Fields Too Large (RFC 6585).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final StringManager HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11");

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail;
        if (status == 400 && headerTooLarge(throwable)) {
            status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
            response.setStatus(status);
            detail = "the request's header fields take more than " + headerLimit(request) + " bytes in all; send "
                    + "fewer or shorter headers";
        } else if (status == 400) {
            detail = "the request URL is malformed (an encoded slash, backslash or NUL, or a character not allowed "
                    + "there)";
        } else {
            detail = null;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        detail = detail == null ? title : detail;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was already under way: nothing more to tell it
        }
    }

    /**
     * Tomcat's parser says so only in the words of its exception, in the server's language: compared with the same
     * message from Tomcat's own resource bundle, so that the check holds in every locale.
     */
    private static boolean headerTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
                && throwable.getMessage().equals(HEADER_TOO_LARGE.getString("iib.requestheadertoolarge.error"));
    }

    private static String headerLimit(Request request) {
        if (request.getConnector() != null
                && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            return Integer.toString(http.getMaxHttpRequestHeaderSize());
        }
        return "8192";
    }
}
