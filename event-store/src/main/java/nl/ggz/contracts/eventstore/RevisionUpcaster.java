package nl.ggz.contracts.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One change of one event's shape: the stored JSON of the event's type at the revision before {@code toRevision} is
 * rewritten to {@code toRevision}. To revision 2 this also takes the rows stored before events carried a revision
 * (revision null), which have revision 1's shape. Changes of one event stack: listed oldest first, a revision-1 row
 * passes 1 → 2, then 2 → 3. The stored bytes, their hash and their revision stay as written: the rewrite happens on a
 * copy, each time the event is read (README "Events").
 */
final class RevisionUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String fromRevision;
    private final String toRevision;
    private final Consumer<ObjectNode> change;

    RevisionUpcaster(Class<?> type, String toRevision, Consumer<ObjectNode> change) {
        int to = Integer.parseInt(toRevision);
        if (to < 2) {
            throw new IllegalArgumentException("an upcaster leads to revision 2 or later, not " + toRevision);
        }
        this.type = type.getName();
        this.fromRevision = Integer.toString(to - 1);
        this.toRevision = toRevision;
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return representation.getType().getName().equals(type)
                && (fromRevision.equals(revision) || (revision == null && fromRevision.equals("1")));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, toRevision), JsonNode.class, stored -> {
            ObjectNode payload = ((ObjectNode) stored).deepCopy();
            change.accept(payload);
            return payload;
        });
    }

    @Override
    public String toString() {
        return type + " " + Objects.toString(fromRevision) + " → " + toRevision;
    }
}
