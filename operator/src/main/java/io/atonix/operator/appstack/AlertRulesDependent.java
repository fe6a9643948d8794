package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The stack's PrometheusRule; removed when spec.monitoring.alerts is false. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class AlertRulesDependent extends StackObjectDependent<PrometheusRule> {

    @Inject
    PlatformSettings platform;

    public AlertRulesDependent() {
        super(PrometheusRule.class, StackAlerts.NAME_LABEL);
    }

    @Override
    protected Optional<PrometheusRule> desired(AppStack stack) {
        return StackAlerts.desired(stack, platform);
    }
}
