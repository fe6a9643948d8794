package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The ServiceMonitor of each service that declares metrics; removed with the service's metrics. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ServiceMonitorDependent extends ServiceObjectDependent<ServiceMonitor> {

    @Inject
    PlatformSettings platform;

    public ServiceMonitorDependent() {
        super(ServiceMonitor.class);
    }

    @Override
    protected Optional<ServiceMonitor> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return StackMonitoring.serviceMonitor(stack, service, platform);
    }
}
