package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The read-write and the headless Service of a Postgres, keyed by name. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresServicesDependent extends StampedDependent<Service, Postgres>
        implements BulkDependentResource<Service, Postgres, String> {

    public PostgresServicesDependent() {
        super(Service.class);
    }

    @Override
    public Map<String, Service> desiredResources(Postgres primary, Context<Postgres> context) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (Service service : new Service[] {PostgresServices.primary(primary), PostgresServices.headless(primary)}) {
            services.put(service.getMetadata().getName(), service);
        }
        return services;
    }

    @Override
    public Map<String, Service> getSecondaryResources(Postgres primary, Context<Postgres> context) {
        return Secondaries.labelled(
                context,
                Service.class,
                Labels.POSTGRES,
                primary.getMetadata().getName(),
                s -> s.getMetadata().getName());
    }

    @Override
    public void deleteTargetResource(Postgres primary, Service resource, String key, Context<Postgres> context) {
        context.getClient().resource(resource).delete();
    }
}
