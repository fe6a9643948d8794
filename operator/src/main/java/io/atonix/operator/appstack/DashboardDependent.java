package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The ConfigMap with the stack's Grafana dashboard; removed when spec.monitoring.dashboard is false. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class DashboardDependent extends StackObjectDependent<ConfigMap> {

    @Inject
    PlatformSettings platform;

    public DashboardDependent() {
        super(ConfigMap.class, StackDashboards.NAME_LABEL);
    }

    @Override
    protected Optional<ConfigMap> desired(AppStack stack) {
        return StackDashboards.desired(stack, platform);
    }
}
