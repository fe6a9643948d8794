package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.RedisUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's Redis as a child Redis resource, {@code <stack>-redis}, with one ACL user per service that uses it: the
 * composition the Redis controller then reconciles like any standalone one, with the stack's deletion policy and
 * monitoring and no binding (services are bound by their uses).
 */
public final class ChildRedis {
    public static final String COMPONENT = "Redis";

    private ChildRedis() {}

    public static Optional<Redis> desired(AppStack stack) {
        StackRedis spec = stack.getSpec().redis();
        if (spec == null) {
            return Optional.empty();
        }
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, "redis");
        labels.put(Labels.COMPONENT, "cache");
        labels.put(Labels.PART_OF, stackName);
        labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
        labels.put(Labels.STACK, stackName);
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName(Names.redis(stackName))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(stack))
                .build());
        redis.setSpec(new RedisSpec(
                spec.version(),
                spec.memory(),
                spec.evictionPolicy(),
                spec.persistence(),
                users(stack),
                spec.resources(),
                stack.getSpec().deletionPolicyOrDefault(),
                StackExporterMonitoring.of(stack),
                null,
                spec.tls()));
        return Optional.of(StackObjects.finish(redis));
    }

    /**
     * One user per use of Redis, named {@code <service>-<use>}, its keys under that name and a colon unless the use
     * says otherwise: a default prefix no other use of the stack has.
     */
    static List<RedisUserSpec> users(AppStack stack) {
        Map<String, RedisUserSpec> users = new LinkedHashMap<>();
        for (ServiceSpec service : stack.getSpec().workloads()) {
            for (ServiceUse use : service.uses(UseKind.Redis)) {
                String login = Names.login(service.name(), use.name());
                RedisUse redis = use.redis();
                String prefix = redis.keyPrefix() != null ? redis.keyPrefix() : login + ":";
                users.put(login, new RedisUserSpec(login, redis.accessOrDefault(), prefix));
            }
        }
        return List.copyOf(users.values());
    }

    /** The stack's view of its child: ready when the child says so, with the child's own reason and message. */
    static ComponentStatus status(AppStack stack, Redis child) {
        return ChildReadiness.of(
                COMPONENT,
                "Redis",
                Names.redis(stack.getMetadata().getName()),
                child == null || child.getStatus() == null
                        ? null
                        : child.getStatus().conditions());
    }
}
