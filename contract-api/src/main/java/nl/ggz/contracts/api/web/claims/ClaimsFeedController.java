package nl.ggz.contracts.api.web.claims;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.api.problem.ForbiddenException;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeed;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedPage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The claims system's feed of payable changes (issue 17): NDJSON, one {@link ClaimsFeedEntry} a line, of the caller's
 * own insurer only (the insurer of its token; there is nothing to ask for another). To follow it, pass the
 * {@code cursor} of the last line read as {@code after}; when a page holds fewer lines than asked, go on from
 * {@value #RESUME_HEADER} instead (the feed read that far and found no more of yours). Nothing is ever skipped: the
 * feed ends at the committed horizon, before any event still being written.
 */
@RestController
public class ClaimsFeedController {

    public static final String RESUME_HEADER = "X-Feed-Resume-After";
    public static final String NDJSON = "application/x-ndjson";

    private final ClaimsFeed feed;

    public ClaimsFeedController(ClaimsFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/claims-feed")
    public void feed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeedParameters parameters = FeedParameters.parse(request.getParameterMap());
        Caller caller = Caller.require();
        if (caller.insurer() == null) {
            throw new ForbiddenException("the claims feed is read by an insurer's claims system");
        }
        ClaimsFeedPage page = feed.read(new InsurerCode(caller.insurer()), parameters.after(), parameters.limit());
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RESUME_HEADER, page.resumeAfter().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        for (ClaimsFeedEntry entry : page.entries()) {
            out.write(entry.jsonLine());
            out.write('\n');
        }
        out.flush();
    }
}
