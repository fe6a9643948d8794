package io.atonix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Settings a platform team sets once for the operator (Helm values become these properties). */
@ConfigMapping(prefix = "atonix")
public interface OperatorConfig {

    /** IngressClass of a stack's Ingress when its spec.ingress names none; unset leaves the cluster's default class. */
    @WithName("ingress-class-name")
    Optional<String> ingressClassName();

    NetworkPolicyConfig networkPolicy();

    Edge edge();

    /** How the stacks' routes reach the cluster (docs/edge.md). */
    interface Edge {
        /** Ingress (a networking/v1 Ingress per stack) or Gateway (an HTTPRoute per exposed service and host). */
        @WithDefault("Ingress")
        String mode();

        /** Namespace of the Gateway the HTTPRoutes attach to, in Gateway mode. */
        @WithName("gateway-namespace")
        Optional<String> gatewayNamespace();

        /** Name of the Gateway the HTTPRoutes attach to, in Gateway mode. */
        @WithName("gateway-name")
        Optional<String> gatewayName();

        /** The Gateway's listener the HTTPRoutes attach to; unset attaches them to every listener that admits them. */
        @WithName("gateway-section-name")
        Optional<String> gatewaySectionName();
    }

    /** Namespaces the stacks' NetworkPolicies admit traffic from. */
    interface NetworkPolicyConfig {
        /** The ingress controller's namespace. */
        @WithDefault("ingress-nginx")
        String ingressNamespace();

        /** Prometheus' namespace. */
        @WithDefault("monitoring")
        String prometheusNamespace();

        /** The operator's own namespace (the chart sets it from the pod's namespace). */
        @WithDefault("atonix-system")
        String operatorNamespace();
    }

    Monitoring monitoring();

    interface Monitoring {
        /** {@code k=v,k2=v2}: labels on every ServiceMonitor and PrometheusRule, so that the platform's Prometheus selects them. */
        @WithName("prometheus-labels")
        Optional<String> prometheusLabels();
    }

    Kafka kafka();

    interface Kafka {
        /**
         * {@code topic:ns1,ns2;other:*}: topics outside every stack's own names that stacks of the listed namespaces may
         * be granted (docs/kafka.md); empty shares nothing.
         */
        @WithName("shared-topics")
        Optional<String> sharedTopics();
    }

    Keda keda();

    interface Keda {
        KedaPrometheus prometheus();
    }

    /** The platform's Prometheus that KEDA's Prometheus triggers ask (docs/autoscaling.md). */
    interface KedaPrometheus {
        /** Address of its HTTP API for triggers that name none; unset makes serverAddress required in each trigger. */
        @WithName("server-address")
        Optional<String> serverAddress();

        /** The ClusterTriggerAuthentication every Prometheus trigger references; unset asks without credentials. */
        @WithName("authentication-name")
        Optional<String> authenticationName();

        /** KEDA's authModes that authentication provides, comma-separated: bearer or basic, and tls. */
        @WithName("auth-modes")
        Optional<String> authModes();
    }

    Cosi cosi();

    /** The platform's COSI, for object stores that name a BucketClaim (docs/object-storage.md). */
    interface Cosi {
        /** The BucketAccessClass of the BucketAccesses of stores that name none; unset makes each such store name one. */
        @WithName("bucket-access-class-name")
        Optional<String> bucketAccessClassName();
    }

    Waits waits();

    /**
     * How long the operator waits on another system before it says the wait is stuck (docs/install.md, "Bounded
     * waits"). Values like 10m, 1h or 90s.
     */
    interface Waits {
        /**
         * A KafkaTopic retired under Retain, detached with strimzi.io/managed=false, waits this long for Strimzi's
         * Topic Operator to report it Unmanaged; then the KafkaTopic is left behind (not deleted) and the stack goes on.
         */
        @WithName("kafka-unmanaged")
        @WithDefault("10m")
        Duration kafkaUnmanaged();

        /** A KafkaUser waits this long for Strimzi's User Operator to create its Secret before the stack says so. */
        @WithName("kafka-user-secret")
        @WithDefault("10m")
        Duration kafkaUserSecret();

        /** A data volume claim asked for more storage waits this long to grow before the resource reports it stuck. */
        @WithName("volume-expansion")
        @WithDefault("30m")
        Duration volumeExpansion();

        /**
         * A PostgreSQL server that is not ready waits this long for a Secret its spec names (object store credentials,
         * a CA bundle) before the resource reports it stuck.
         */
        @WithName("referenced-secret")
        @WithDefault("10m")
        Duration referencedSecret();
    }
}
