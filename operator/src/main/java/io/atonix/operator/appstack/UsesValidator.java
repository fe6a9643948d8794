package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.ObjectStoreBinding;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a use breaks one of the CRD's rules on the whole spec (a database, Redis, Kafka or topic the stack does not
 * declare): the CEL rule can only name spec, this names the use.
 */
final class UsesValidator {
    private UsesValidator() {}

    static void validate(AppStackSpec spec, ServiceSpec service, String field, List<SpecProblem> problems) {
        for (int u = 0; u < service.uses().size(); u++) {
            ServiceUse use = service.uses().get(u);
            int kinds = (use.postgres() != null ? 1 : 0)
                    + (use.redis() != null ? 1 : 0)
                    + (use.kafka() != null ? 1 : 0)
                    + (use.objectStore() != null ? 1 : 0);
            if (kinds == 1) {
                declared(spec, use, field + ".uses[" + u + "]", problems);
            }
        }
    }

    /** The environment variables a use sets, under its prefix. */
    static List<String> variables(ServiceUse use) {
        List<String> names = new ArrayList<>();
        var keys = switch (use.kind()) {
            case Postgres -> PostgresBinding.ENV.keySet();
            case Redis -> RedisBinding.ENV.keySet();
            case ObjectStore -> ObjectStoreBinding.ENV.keySet();
            case Kafka -> {
                Set<String> all = new HashSet<>(KafkaBinding.ENV.keySet());
                all.addAll(KafkaBinding.OPTIONAL_ENV.keySet());
                all.add(KafkaBinding.CONSUMER_GROUP_ENV);
                yield all;
            }
        };
        keys.forEach(key -> names.add(use.envPrefixOrDefault() + key));
        return names;
    }

    /** What the use names must be declared by the stack: its database, its Redis, its topics. */
    private static void declared(AppStackSpec spec, ServiceUse use, String field, List<SpecProblem> problems) {
        if (use.postgres() != null) {
            boolean declared = spec.postgres() != null
                    && spec.postgres().databases().stream()
                            .map(DatabaseSpec::name)
                            .anyMatch(n -> n.equals(use.postgres().database()));
            if (!declared) {
                problems.add(new SpecProblem(
                        field + ".postgres.database",
                        "database '" + use.postgres().database() + "' is not declared in spec.postgres.databases"));
            }
        }
        if (use.redis() != null && spec.redis() == null) {
            problems.add(new SpecProblem(field + ".redis", "the service uses Redis but spec.redis is not set"));
        }
        if (use.kafka() != null && spec.kafka() == null) {
            problems.add(new SpecProblem(field + ".kafka", "the service uses Kafka but spec.kafka is not set"));
        }
        if (use.objectStore() != null
                && spec.objectStore(use.objectStore().store()).isEmpty()) {
            problems.add(new SpecProblem(
                    field + ".objectStore.store",
                    "object store '" + use.objectStore().store() + "' is not declared in spec.objectStores"));
        }
        if (use.kafka() != null) {
            Set<String> topics = new HashSet<>();
            if (spec.kafka() != null) {
                spec.kafka().topics().forEach(t -> topics.add(t.name()));
            }
            List<String> used = new ArrayList<>(use.kafka().produce());
            used.addAll(use.kafka().consume());
            for (String topic : used) {
                if (!topics.contains(topic)) {
                    problems.add(new SpecProblem(
                            field + ".kafka", "topic '" + topic + "' is not declared in spec.kafka.topics"));
                }
            }
        }
    }
}
