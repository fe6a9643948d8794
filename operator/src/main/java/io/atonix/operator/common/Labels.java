package io.atonix.operator.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every object the operator creates carries. The {@code app.kubernetes.io/instance} label is
 * deliberately absent: Argo CD tracks its applications with it, and a copy on our children would make
 * Argo CD prune or claim them.
 */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String STACK = "atonix.io/stack";
    public static final String SERVICE = "atonix.io/service";
    public static final String POSTGRES = "atonix.io/postgres";
    /** The service whose requests an oauth2-proxy signs in; never {@link #SERVICE}, which the service's own objects carry. */
    public static final String AUTH_PROXY = "atonix.io/auth-proxy";

    public static final String REDIS = "atonix.io/redis";
    /** The component of a Postgres' objects, and of its server's pods, which its Services select by it. */
    public static final String POSTGRES_COMPONENT = "database";
    /** The namespace of the stack, on children that live in another namespace (owner references cannot point there). */
    public static final String STACK_NAMESPACE = "atonix.io/stack-namespace";

    public static final String OPERATOR = "atonix-operator";
    /** Selects every object this operator manages; informers watch only these. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;
    /*
     * Each controller's informers select only its own children: with MANAGED_SELECTOR alone, the AppStack, Postgres
     * and Redis controllers each cached every managed Service, ConfigMap and StatefulSet of the cluster.
     */
    /** Selects the objects an AppStack owns directly (they name it in {@link #STACK}). */
    public static final String STACK_CHILDREN_SELECTOR = MANAGED_SELECTOR + "," + STACK;
    /** Selects the objects of the stacks' oauth2-proxies (they name their service in {@link #AUTH_PROXY}). */
    public static final String AUTH_PROXY_CHILDREN_SELECTOR = MANAGED_SELECTOR + "," + AUTH_PROXY;
    /** Selects the objects of a Postgres (they name it in {@link #POSTGRES}). */
    public static final String POSTGRES_CHILDREN_SELECTOR = MANAGED_SELECTOR + "," + POSTGRES;
    /** Selects the objects of a Redis (they name it in {@link #REDIS}). */
    public static final String REDIS_CHILDREN_SELECTOR = MANAGED_SELECTOR + "," + REDIS;

    private Labels() {}

    /** Labels of every object that belongs to one service of a stack. */
    public static Map<String, String> forService(String stack, String service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, service);
        labels.put(COMPONENT, "service");
        labels.put(PART_OF, stack);
        labels.put(MANAGED_BY, OPERATOR);
        labels.putAll(serviceSelector(stack, service));
        return labels;
    }

    /** Labels of every object that belongs to a Postgres; {@code partOf} is its stack, or the Postgres itself. */
    public static Map<String, String> forPostgres(String postgres, String partOf) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "postgres");
        labels.put(COMPONENT, POSTGRES_COMPONENT);
        labels.put(PART_OF, partOf);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(POSTGRES, postgres);
        return labels;
    }

    /** Labels of every object that belongs to a Redis; {@code partOf} is its stack, or the Redis itself. */
    public static Map<String, String> forRedis(String redis, String partOf) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "redis");
        labels.put(COMPONENT, "cache");
        labels.put(PART_OF, partOf);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(REDIS, redis);
        return labels;
    }

    /** Labels of an object that belongs to the whole stack rather than to one service, such as its alert rules. */
    public static Map<String, String> forStack(String stack, String name, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, name);
        labels.put(COMPONENT, component);
        labels.put(PART_OF, stack);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(STACK, stack);
        return labels;
    }

    /**
     * Labels of the objects of the oauth2-proxy in front of a service. They name the stack (its informers find them) but
     * not the service in {@link #SERVICE}, so the service's own Deployment and Service never select or claim them.
     */
    public static Map<String, String> forAuthProxy(String stack, String service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "oauth2-proxy");
        labels.put(COMPONENT, "auth-proxy");
        labels.put(PART_OF, stack);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(STACK, stack);
        labels.put(AUTH_PROXY, service);
        return labels;
    }

    /**
     * The labels the pods of a service's oauth2-proxy carry and are selected by. Without {@link #STACK}: the service's
     * NetworkPolicy admits the stack's pods by it, and the proxy is to reach its one service only.
     */
    public static Map<String, String> authProxySelector(String stack, String service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PART_OF, stack);
        labels.put(AUTH_PROXY, service);
        return labels;
    }

    /** The labels a service's pods are selected by; stable for the life of the service. */
    public static Map<String, String> serviceSelector(String stack, String service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(STACK, stack);
        labels.put(SERVICE, service);
        return labels;
    }
}
