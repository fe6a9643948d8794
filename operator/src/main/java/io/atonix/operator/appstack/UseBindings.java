package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.BindingStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.ObjectStoreBinding;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.SecretEnv;
import io.atonix.operator.kafka.KafkaClientNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;

/**
 * The binding of each use of a service: the Secret its credentials are in, {@code <store>-<login>-login} for every
 * kind, and the environment variables that read it, under the use's envPrefix.
 */
public final class UseBindings {

    private UseBindings() {}

    public static String secretName(AppStack stack, ServiceSpec service, ServiceUse use) {
        String stackName = stack.getMetadata().getName();
        String login = Names.login(service.name(), use.name());
        return switch (use.kind()) {
            case Postgres -> PostgresBinding.secretName(Names.postgres(stackName), login);
            case Redis -> RedisBinding.secretName(Names.redis(stackName), login);
            case Kafka -> KafkaBinding.secretName(stackName, login);
            case ObjectStore -> ObjectStoreBinding.secretName(stackName, login);
        };
    }

    /** The binding Secrets of all the service's uses, in the order of its uses. */
    static List<String> secretNames(AppStack stack, ServiceSpec service) {
        return service.uses().stream()
                .map(use -> secretName(stack, service, use))
                .toList();
    }

    /** The variables of one use, each read from its binding Secret and named with the use's envPrefix. */
    static List<EnvVar> env(AppStack stack, ServiceSpec service, ServiceUse use) {
        String secret = secretName(stack, service, use);
        String prefix = use.envPrefixOrDefault();
        List<EnvVar> env = new ArrayList<>();
        switch (use.kind()) {
            case Postgres -> PostgresBinding.ENV.forEach((v, key) -> env.add(SecretEnv.of(prefix + v, secret, key)));
            case Redis -> RedisBinding.ENV.forEach((v, key) -> env.add(SecretEnv.of(prefix + v, secret, key)));
            case Kafka -> {
                KafkaBinding.ENV.forEach((v, key) -> env.add(SecretEnv.of(prefix + v, secret, key)));
                KafkaBinding.OPTIONAL_ENV.forEach((v, key) -> env.add(SecretEnv.optional(prefix + v, secret, key)));
                env.addAll(KafkaClientNames.env(stack, service, use.kafka(), prefix));
            }
            case ObjectStore ->
                ObjectStoreBinding.ENV.forEach((v, key) -> env.add(SecretEnv.of(prefix + v, secret, key)));
        }
        return env;
    }

    /** What status.services[].bindings reports: each use, its kind and its Secret; null for a service without uses. */
    static List<BindingStatus> statuses(AppStack stack, ServiceSpec service) {
        if (service.uses().isEmpty()) {
            return null;
        }
        return service.uses().stream()
                .map(use -> new BindingStatus(use.name(), use.kind(), secretName(stack, service, use)))
                .toList();
    }
}
