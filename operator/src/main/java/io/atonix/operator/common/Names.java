package io.atonix.operator.common;

/**
 * Every name the operator derives from a resource's name, in one place; the names of binding Secrets are part of their
 * contracts, in {@code io.atonix.operator.binding}, and the Kafka side's in {@code KafkaNames}.
 */
public final class Names {

    /** The longest name of an object whose name is a DNS subdomain. */
    static final int MAX_NAME = 253;

    private Names() {}

    /** ServiceAccount, Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and Ingress of a service. */
    public static String service(String stack, String service) {
        return stack + "-" + service;
    }

    /** The longest name of a Service, a DNS label. */
    static final int MAX_LABEL = 63;

    /**
     * ServiceAccount, Deployment and Service of the oauth2-proxy that signs in a service's requests at the edge,
     * {@code <stack>-<service>-auth}. A stack and service of 30 characters each would give a Service name longer than
     * a DNS label may be: such a name keeps its start and a hash of the whole before {@code -auth}.
     */
    public static String authProxy(String stack, String service) {
        String base = service(stack, service);
        String suffix = "-auth";
        if (base.length() + suffix.length() > MAX_LABEL) {
            String hash = shortHash(base);
            String start = base.substring(0, MAX_LABEL - suffix.length() - hash.length() - 1);
            while (start.endsWith("-")) {
                start = start.substring(0, start.length() - 1);
            }
            base = start + "-" + hash;
        }
        return base + suffix;
    }

    /** The create-only Secret with the cookie secret of a service's oauth2-proxy. */
    public static String authProxyCookie(String stack, String service) {
        return authProxy(stack, service) + "-cookie";
    }

    /** The ConfigMap with the email addresses a service's oauth2-proxy lets pass. */
    public static String authProxyEmails(String stack, String service) {
        return authProxy(stack, service) + "-emails";
    }

    /**
     * The login of one use of a stack's service, {@code <service>-<use>}: the Postgres role, Redis ACL user and the
     * name in its binding Secret's. A use name has no hyphen, so no other (service, use) of the stack gives the same
     * login, and the login lives in the stack's own Postgres and Redis, so no other stack meets it. It never changes
     * while the service and use keep their names, and it never is Redis' built-in {@code default}.
     */
    public static String login(String service, String use) {
        return service + "-" + use;
    }

    /** The Secret a host's certificate is in when its TLS names none; a wildcard's * is spelled out. */
    public static String tlsSecret(String stack, String host) {
        return stack + "-" + host.replace("*", "wildcard") + "-tls";
    }

    /** The cert-manager Certificate of a host whose TLS names an issuer; it writes the host's {@link #tlsSecret}. */
    public static String certificate(String stack, String host) {
        return stack + "-" + host.replace("*", "wildcard");
    }

    /**
     * The HTTPRoute of a service's routes under one host, {@code <stack>-<service>-<host>}. A name longer than an
     * object name may be (a host near its 200 characters) keeps its start and ends in a hash of the whole, so that two
     * hosts never share a route.
     */
    public static String httpRoute(String stack, String service, String host) {
        String name = stack + "-" + service + "-" + host.replace("*", "wildcard");
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = shortHash(name);
        String start = name.substring(0, MAX_NAME - hash.length() - 1);
        while (start.endsWith(".") || start.endsWith("-")) {
            start = start.substring(0, start.length() - 1);
        }
        return start + "-" + hash;
    }

    public static String postgres(String stack) {
        return stack + "-postgres";
    }

    public static String redis(String stack) {
        return stack + "-redis";
    }

    /** The superuser's Secret of a Postgres; created once, never regenerated. */
    public static String postgresSuperuserSecret(String postgres) {
        return postgres + "-superuser";
    }

    /** The Secret of the role postgres_exporter logs in with. */
    public static String postgresMonitoringSecret(String postgres) {
        return postgres + "-monitoring";
    }

    /** The Secret of a database's owner role; database names may hold '_', which object names may not. */
    public static String postgresOwnerSecret(String postgres, String database) {
        return postgres + "-" + database.replace('_', '-') + "-owner";
    }

    /** The CronJob of a Postgres' logical backups, and the volume claim they go to. */
    public static String postgresBackups(String postgres) {
        return postgres + "-backups";
    }

    public static String postgresConfig(String postgres) {
        return postgres + "-config";
    }

    /** The headless Service that gives the StatefulSet's pods stable names. */
    public static String postgresHeadless(String postgres) {
        return postgres + "-headless";
    }

    /** The Secret of the ACL user redis_exporter logs in with. */
    public static String redisMonitoringSecret(String redis) {
        return redis + "-monitoring";
    }

    /** The Secret that holds the ACL file: password hashes only, but hashes of what they protect all the same. */
    public static String redisAcl(String redis) {
        return redis + "-acl";
    }

    public static String redisConfig(String redis) {
        return redis + "-config";
    }

    /** The name of a Service in cluster DNS, which every namespace resolves. */
    public static String serviceHost(String service, String namespace) {
        return service + "." + namespace + ".svc";
    }

    /** The PrometheusRule with a stack's alerts. */
    public static String alertRules(String stack) {
        return stack + "-alerts";
    }

    /** The ConfigMap that holds a stack's Grafana dashboard. */
    public static String dashboard(String stack) {
        return stack + "-dashboard";
    }

    /** Name of the container that runs a service's application. */
    public static String appContainer() {
        return "app";
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
