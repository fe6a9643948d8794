package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Owners;
import io.atonix.operator.keda.TriggerAuthenticationSpec.SecretTarget;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TriggerAuthentication of a service's Kafka lag triggers: KEDA signs in to Kafka as the service's own KafkaUser,
 * with the keys of the service's own binding Secret and no other, so it reads the lag of the one consumer group that
 * user is granted.
 */
public final class TriggerAuthentications {

    private TriggerAuthentications() {}

    public static Optional<TriggerAuthentication> desired(
            AppStack stack, ServiceSpec service, KafkaClientSecurity security) {
        if (service.autoscale() == null
                || service.autoscale().triggers().stream().noneMatch(t -> t.kafkaLag() != null)) {
            return Optional.empty();
        }
        return KafkaLagBinding.of(stack, service).map(binding -> {
            String secret = binding.secretName();
            List<SecretTarget> targets = new ArrayList<>();
            if (security.scram()) {
                targets.add(new SecretTarget("username", secret, ServiceBinding.USERNAME));
                targets.add(new SecretTarget("password", secret, ServiceBinding.PASSWORD));
            } else {
                targets.add(new SecretTarget("cert", secret, "user.crt"));
                targets.add(new SecretTarget("key", secret, "user.key"));
            }
            if (security.tls() && security.ca()) {
                targets.add(new SecretTarget("ca", secret, KafkaBinding.CA_CRT));
            }
            TriggerAuthentication authentication = new TriggerAuthentication();
            authentication.setMetadata(new ObjectMetaBuilder()
                    .withName(KedaNames.kafkaAuthentication(stack, service))
                    .withNamespace(stack.getMetadata().getNamespace())
                    .withLabels(Labels.forService(stack.getMetadata().getName(), service.name()))
                    .withOwnerReferences(Owners.controller(stack))
                    .build());
            authentication.setSpec(new TriggerAuthenticationSpec(targets));
            return DesiredHash.stamp(authentication);
        });
    }
}
