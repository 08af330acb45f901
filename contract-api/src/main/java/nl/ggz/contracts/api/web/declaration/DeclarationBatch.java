package nl.ggz.contracts.api.web.declaration;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Lines are read one by one, so that a malformed line is rejected on its own. */
public record DeclarationBatch(List<JsonNode> declarations) {
}
