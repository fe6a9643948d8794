package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** Each service runs under an identity of its own, without an API token it does not need. */
public final class ServiceAccounts {

    private ServiceAccounts() {}

    public static ServiceAccount desired(AppStack stack, ServiceSpec service) {
        return StackObjects.finish(new ServiceAccountBuilder()
                .withMetadata(StackObjects.serviceMetadata(stack, service))
                .withAutomountServiceAccountToken(false)
                .build());
    }
}
