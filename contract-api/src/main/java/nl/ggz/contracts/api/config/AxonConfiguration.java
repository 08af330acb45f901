package nl.ggz.contracts.api.config;

import nl.ggz.contracts.api.correlation.AuditTrailCorrelation;
import nl.ggz.contracts.api.correlation.CommandMetadata;
import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import nl.ggz.contracts.domain.privacy.PatientErasure;
import nl.ggz.contracts.domain.process.ContractChangesToCeilings;
import nl.ggz.contracts.domain.contract.Contract;
import nl.ggz.contracts.domain.policy.PurchasingPolicy;
import nl.ggz.contracts.projections.ceiling.CeilingStateProjection;
import nl.ggz.contracts.projections.contract.ContractStateProjection;
import nl.ggz.contracts.writestore.claim.PostgresContractClaims;
import nl.ggz.contracts.writestore.ledger.PostgresDeclarationLedger;
import nl.ggz.contracts.writestore.policy.PostgresPurchasingPolicies;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.List;

/** Aggregates, their snapshots and cache, and which processors run inside the command's transaction. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Read models that must be exact at the moment a command is answered: a failure there fails the command. */
    static final String SAME_TRANSACTION_PROCESSOR = "same-transaction";

    static final List<String> SAME_TRANSACTION_GROUPS = List.of(
            ContractStateProjection.PROCESSING_GROUP,
            CeilingStateProjection.PROCESSING_GROUP,
            PostgresDeclarationLedger.PROCESSING_GROUP,
            PostgresPurchasingPolicies.PROCESSING_GROUP,
            // one contract per insurer, provider and year: the offer's claim is written in the offer's transaction,
            // where two concurrent offers meet on the table's key (RetryingCommandGateway sends the loser again)
            PostgresContractClaims.PROCESSING_GROUP,
            ContractChangesToCeilings.PROCESSING_GROUP);

    @Bean
    ConfigurerModule aggregates(GgzProperties settings, ThreadPoolTaskExecutor snapshotExecutor) {
        // the ceiling is the hot aggregate: cached on this node, and snapshotted so that loading stays short
        Cache ceilingCache = new BoundedAggregateCache(settings.cache().ceilings());
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Contract.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                c.snapshotter(), settings.snapshots().contractThreshold())))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(CeilingAgreement.class)
                        .configureCache(c -> ceilingCache)
                        // snapshots of the cached ceiling itself, without reading its events again (issue 19)
                        .configureSnapshotTrigger(c -> new CachedAggregateSnapshots(ceilingCache, c.eventStore(),
                                c.serializer(), c.getComponent(TransactionManager.class), snapshotExecutor,
                                c.snapshotter(), settings.snapshots().ceilingThreshold())))
                .configureAggregate(PurchasingPolicy.class)
                // issue 16: one erasure of a patient pseudonym
                .configureAggregate(PatientErasure.class);
    }

    /** The snapshotter finds aggregates through these factories (they are not Spring stereotypes). */
    @Bean
    AggregateFactory<CeilingAgreement> ceilingAgreementFactory(ApplicationContext context) {
        return aggregateFactory(CeilingAgreement.class, context);
    }

    @Bean
    AggregateFactory<Contract> contractFactory(ApplicationContext context) {
        return aggregateFactory(Contract.class, context);
    }

    /** Handlers take Spring beans (the ledger, the policies) as parameters: the model must be able to resolve them. */
    private static <T> AggregateFactory<T> aggregateFactory(Class<T> type, ApplicationContext context) {
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(type), new SpringBeanParameterResolverFactory(context));
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers,
                ClasspathHandlerDefinition.forClass(type)));
    }

    /** Snapshots are taken after the commit on a thread of their own: a claims batch never waits for one. */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(ThreadPoolTaskExecutor snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    @Bean
    ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("snapshotter-");
        // a snapshot that cannot be queued is skipped: the next trigger takes one
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    /**
     * All same-transaction groups share one subscribing processor: each processor costs a unit of work and a pass over
     * every event of the transaction, which for a claims batch of 1,000 events is most of what it costs.
     */
    @Bean
    ConfigurerModule sameTransactionProcessors() {
        return configurer -> {
            configurer.eventProcessing().registerSubscribingEventProcessor(SAME_TRANSACTION_PROCESSOR);
            SAME_TRANSACTION_GROUPS.forEach(group -> configurer.eventProcessing()
                    .assignProcessingGroup(group, SAME_TRANSACTION_PROCESSOR)
                    .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
        };
    }

    /** Commands that lost a race for their aggregate to another node are sent again (see RetryingCommandGateway). */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, GgzProperties settings) {
        return new RetryingCommandGateway(commandBus, settings.commands().attempts());
    }

    @Bean
    ContractChangesToCeilings contractChangesToCeilings(CommandGateway commands) {
        return new ContractChangesToCeilings(commands);
    }

    /**
     * A deadline runs outside any request, in a unit of work of db-scheduler's deadline manager, which Axon gives no
     * correlation providers (the command bus and the processors get them): the events it caused were stored with empty
     * metadata. With the providers, they name the system and the deadline that caused them (AuditTrailCorrelation).
     */
    @Bean
    Registration deadlineCorrelation(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        return deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }

    @Bean
    CorrelationDataProvider auditTrailCorrelation() {
        return new AuditTrailCorrelation();
    }

    @Bean
    CommandMetadata commandMetadata(CommandBus commandBus) {
        CommandMetadata interceptor = new CommandMetadata();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }
}
