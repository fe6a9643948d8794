package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a service's uses, the same the CRD schema and its CEL rules enforce in a cluster. */
final class UsesValidator {
    private static final Pattern USE_NAME = Pattern.compile("^[a-z][a-z0-9]*$");
    private static final Pattern ENV_PREFIX = Pattern.compile("^[A-Z][A-Z0-9_]*_$");

    private UsesValidator() {}

    static void validate(AppStackSpec spec, ServiceSpec service, String field, List<SpecProblem> problems) {
        Set<String> names = new HashSet<>();
        Map<String, String> variables = new HashMap<>();
        service.env().forEach(variable -> variables.put(variable.name(), "env"));
        int kafkaUses = 0;
        for (int u = 0; u < service.uses().size(); u++) {
            ServiceUse use = service.uses().get(u);
            String useField = field + ".uses[" + u + "]";
            if (use.name() == null
                    || use.name().length() > ServiceUse.MAX_NAME
                    || !USE_NAME.matcher(use.name()).matches()) {
                problems.add(new SpecProblem(
                        useField + ".name",
                        "must be lower-case letters and digits, starting with a letter, at most "
                                + ServiceUse.MAX_NAME));
            } else if (!names.add(use.name())) {
                problems.add(new SpecProblem(useField + ".name", "use " + use.name() + " is declared twice"));
            }
            if (use.envPrefix() != null && !ENV_PREFIX.matcher(use.envPrefix()).matches()) {
                problems.add(new SpecProblem(
                        useField + ".envPrefix",
                        "must be upper-case letters, digits and '_', starting with a letter and ending in '_'"));
            }
            int kinds =
                    (use.postgres() != null ? 1 : 0) + (use.redis() != null ? 1 : 0) + (use.kafka() != null ? 1 : 0);
            if (kinds != 1) {
                problems.add(new SpecProblem(useField, "a use connects to exactly one of postgres, redis and kafka"));
                continue;
            }
            if (use.kind() == UseKind.Kafka && ++kafkaUses == 2) {
                problems.add(
                        new SpecProblem(
                                useField,
                                "at most one use of a service names kafka: the service has one KafkaUser and one consumer group, so list all its topics in that use"));
            }
            if (use.kafka() != null) {
                for (var variable : service.env()) {
                    if (variable.name().startsWith(use.envPrefixOrDefault() + KafkaBinding.TOPIC_ENV_PREFIX)) {
                        problems.add(
                                new SpecProblem(
                                        field + ".env",
                                        "env sets " + variable.name() + ", and a use of Kafka sets the "
                                                + KafkaBinding.TOPIC_ENV_PREFIX
                                                + " variables to topics' names in Kafka: rename it or give the use an envPrefix"));
                    }
                }
            }
            for (String variable : variables(use)) {
                String before = variables.putIfAbsent(variable, use.name());
                if (before != null) {
                    // Named where the API server's CEL rule names it: env for a clash with env, the use otherwise.
                    problems.add(new SpecProblem(
                            before.equals("env") ? field + ".env" : useField + ".envPrefix",
                            "variable " + variable + " is set by " + (before.equals("env") ? "env" : "use " + before)
                                    + " too: give the use a different envPrefix"));
                }
            }
            declared(spec, use, useField, problems);
        }
    }

    /** The environment variables a use sets, under its prefix. */
    static List<String> variables(ServiceUse use) {
        List<String> names = new ArrayList<>();
        var keys = switch (use.kind()) {
            case Postgres -> PostgresBinding.ENV.keySet();
            case Redis -> RedisBinding.ENV.keySet();
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
