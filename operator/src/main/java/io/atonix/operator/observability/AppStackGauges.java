package io.atonix.operator.observability;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code atonix_appstacks{ready="True|False|Unknown"}}: the AppStacks the operator watches, by their Ready condition.
 * The gauges read the controller's own cache of AppStacks when Prometheus scrapes, so a deleted stack leaves them
 * at once and no API request is made for them.
 */
@ApplicationScoped
public class AppStackGauges {
    public static final String NAME = "atonix.appstacks";
    private static final Set<String> STATES = Set.of("True", "False", "Unknown");

    private final AtomicReference<IndexedResourceCache<AppStack>> cache = new AtomicReference<>();

    @Inject
    MeterRegistry registry;

    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    /** Called by each reconcile; the first one lets the gauges read the controller's cache from then on. */
    public void observe(Context<AppStack> context) {
        if (cache.compareAndSet(null, context.getPrimaryCache())) {
            for (String state : STATES) {
                gauges.add(Gauge.builder(NAME, () -> count(state))
                        .description("AppStacks by their Ready condition")
                        .tag("ready", state)
                        .register(registry));
            }
        }
    }

    /**
     * The registry may outlive this bean (Micrometer's global registry does, in a JVM that restarts the application):
     * gauges left in it would go on reading a cache that no longer changes.
     */
    @PreDestroy
    void remove() {
        gauges.forEach(registry::remove);
    }

    private long count(String state) {
        return cache.get().list().filter(stack -> state.equals(ready(stack))).count();
    }

    private static String ready(AppStack stack) {
        if (stack.getStatus() == null) {
            return "Unknown";
        }
        return Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                .map(c -> c.status())
                .filter(STATES::contains)
                .orElse("Unknown");
    }
}
