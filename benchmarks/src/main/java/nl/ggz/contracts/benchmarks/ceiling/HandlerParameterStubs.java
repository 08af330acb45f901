package nl.ggz.contracts.benchmarks.ceiling;

import nl.ggz.contracts.domain.ceiling.DeclarationLedger;
import nl.ggz.contracts.domain.ceiling.PrestatieCatalogue;
import nl.ggz.contracts.domain.policy.PurchasingPolicies;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Axon inspects every handler of CeilingAgreement when it builds the aggregate model, command handlers included, and
 * refuses a parameter it cannot resolve. Loading never handles a command, so the application's services those
 * handlers take (ledger, catalogue, policies, patient pseudonyms, deadlines) are stubs here that fail if they are ever called.
 */
public final class HandlerParameterStubs implements ParameterResolverFactory {

    private static final List<Class<?>> STUBBED = List.of(DeclarationLedger.class, PrestatieCatalogue.class,
            PurchasingPolicies.class, PatientPseudonyms.class, DeadlineManager.class);

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ParameterResolver createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        Class<?> type = parameters[parameterIndex].getType();
        return STUBBED.contains(type) ? new FixedValueParameterResolver(stub(type)) : null;
    }

    private static Object stub(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "toString" -> "stub " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " called while only loading the aggregate");
                });
    }
}
