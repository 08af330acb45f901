package nl.ggz.contracts.api.web.ceiling;

import jakarta.servlet.http.HttpServletRequest;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
import nl.ggz.contracts.projections.declaration.DeclarationLinePage;
import nl.ggz.contracts.projections.declaration.DeclarationLineView;
import nl.ggz.contracts.projections.declaration.FindDeclarationLine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ceiling's declarations with what became of each (issue 17): keyset pages in declaration order, and one by id.
 * Seen by whoever sees the ceiling; another tenant's ceiling is "not found" word for word as an unknown one. The lines
 * carry no patient reference. They come from a read model that may lag a claims batch by about a second.
 */
@RestController
@RequestMapping("/api/ceilings/{ceilingId}/declarations")
public class DeclarationListController {

    private final QueryGateway queries;

    public DeclarationListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public DeclarationLinePage list(@PathVariable @ValidText(Text.ID) String ceilingId, HttpServletRequest request) {
        var query = DeclarationListParameters.parse(ceilingId, request.getParameterMap());
        requireSees(ceilingId);
        return queries.query(query, DeclarationLinePage.class).join();
    }

    @GetMapping("/{declarationId}")
    public DeclarationLineView one(@PathVariable @ValidText(Text.ID) String ceilingId,
                                   @PathVariable @ValidText(Text.ID) String declarationId,
                                   HttpServletRequest request) {
        if (!request.getParameterMap().isEmpty()) {
            throw new InvalidValueException("unknown parameter '" + Echo.of(request.getParameterNames().nextElement())
                    + "'; a declaration is read without parameters");
        }
        requireSees(ceilingId);
        return queries.query(new FindDeclarationLine(ceilingId, declarationId),
                        ResponseTypes.optionalInstanceOf(DeclarationLineView.class)).join()
                .orElseThrow(() -> new NotFoundException("no declaration " + declarationId + " on ceiling "
                        + ceilingId));
    }

    private void requireSees(String ceilingId) {
        String notFound = "no ceiling with id " + ceilingId;
        CeilingView view = queries.query(new FindCeiling(ceilingId),
                ResponseTypes.optionalInstanceOf(CeilingView.class)).join()
                .orElseThrow(() -> new NotFoundException(notFound));
        Tenancy.requireSees(view.insurerUzovi(), view.providerAgb(), notFound);
    }
}
