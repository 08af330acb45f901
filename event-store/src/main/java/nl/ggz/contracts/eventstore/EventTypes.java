package nl.ggz.contracts.eventstore;

import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.util.Map;
import java.util.TreeMap;

/**
 * The event types an export can be filtered on, by simple name ({@code DeclarationRecorded}) or stored name (the class
 * name). An event type is a domain class that some handler takes: the aggregates' event sourcing handlers and the
 * projections' event handlers between them handle every event the domain applies. Knowing the types lets a misspelt
 * filter be refused instead of silently exporting nothing.
 */
@Component
public class EventTypes {

    private static final String DOMAIN = "nl.ggz.contracts.domain.";
    private static final String[] HANDLER_PACKAGES = {"nl.ggz.contracts.domain", "nl.ggz.contracts.projections"};

    /** Simple name to stored (fully qualified) name, sorted for the error message. */
    private final Map<String, String> bySimpleName = new TreeMap<>();

    public EventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        ClassLoader loader = EventTypes.class.getClassLoader();
        for (String pkg : HANDLER_PACKAGES) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
                ReflectionUtils.doWithLocalMethods(type, method -> {
                    if (method.getParameterCount() > 0
                            && AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)
                            && method.getParameterTypes()[0].getName().startsWith(DOMAIN)) {
                        Class<?> event = method.getParameterTypes()[0];
                        String other = bySimpleName.put(event.getSimpleName(), event.getName());
                        if (other != null && !other.equals(event.getName())) {
                            throw new IllegalStateException("two event types are called " + event.getSimpleName()
                                    + ": " + other + " and " + event.getName() + "; the export filter needs one");
                        }
                    }
                });
            }
        }
    }

    /** The stored type name of an event type given by simple or full name; a 400 for a type that does not exist. */
    public String storedName(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String stored = bySimpleName.get(simple);
        if (stored == null || (name.contains(".") && !stored.equals(name))) {
            throw new InvalidValueException("eventType '" + name + "' is not an event type; the event types are "
                    + String.join(", ", bySimpleName.keySet()));
        }
        return stored;
    }
}
