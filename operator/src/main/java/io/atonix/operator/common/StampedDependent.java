package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * A child written with create and update (replace), never server-side apply, so that the same path runs against
 * every API server, the test server included. It matches when {@link DesiredStateMatcher} says so: its desired-hash
 * annotation is current and no field the operator sets has drifted.
 */
public abstract class StampedDependent<R extends HasMetadata, P extends HasMetadata>
        extends CRUDKubernetesDependentResource<R, P> {

    protected StampedDependent(Class<R> type) {
        super(type);
    }

    @Override
    public Matcher.Result<R> match(R actual, R desired, P primary, Context<P> context) {
        return Matcher.Result.computed(
                DesiredStateMatcher.matches(actual, desired, context.getClient().getKubernetesSerialization()),
                desired);
    }
}
