package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;
import java.util.Optional;

/**
 * At most one object of a kind for the whole stack, recognised by its {@code app.kubernetes.io/name} label: created
 * while the spec asks for it, updated when it changes, deleted when the spec no longer asks for it.
 */
abstract class StackObjectDependent<R extends HasMetadata> extends StackChildDependent<R> {
    private final String name;

    /** @param name the object's {@code app.kubernetes.io/name} label, which tells it from the stack's other objects of the kind */
    StackObjectDependent(Class<R> type, String name) {
        super(type);
        this.name = name;
    }

    protected abstract Optional<R> desired(AppStack stack);

    @Override
    public Map<String, R> desiredResources(AppStack primary, Context<AppStack> context) {
        return desired(primary).map(object -> Map.of(name, object)).orElse(Map.of());
    }

    @Override
    public Map<String, R> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                resourceType(),
                Labels.STACK,
                primary.getMetadata().getName(),
                r -> name.equals(Secondaries.label(r, Labels.NAME)) ? name : null);
    }
}
