package nl.ggz.contracts.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Consumer;

/**
 * Rewrites the stored JSON of one event type from revision 1 — and from the rows stored before events carried a
 * revision (revision null), which have revision 1's shape — to revision 2. The stored bytes are left alone: the
 * rewrite happens on a copy, each time the event is read (README "Events").
 */
final class RevisionTwoUpcaster extends SingleEventUpcaster {

    private final String type;
    private final Consumer<ObjectNode> change;

    RevisionTwoUpcaster(Class<?> type, Consumer<ObjectNode> change) {
        this.type = type.getName();
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return representation.getType().getName().equals(type) && (revision == null || revision.equals("1"));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, stored -> {
            ObjectNode payload = ((ObjectNode) stored).deepCopy();
            change.accept(payload);
            return payload;
        });
    }
}
