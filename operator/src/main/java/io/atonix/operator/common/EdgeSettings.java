package io.atonix.operator.common;

/**
 * How the stacks' routes reach the cluster, set once by the platform team: through an Ingress per stack, or through
 * HTTPRoutes of the Gateway API attached to one Gateway the platform runs.
 *
 * @param mode Ingress or Gateway
 * @param gateway the Gateway every HTTPRoute attaches to; null in Ingress mode
 */
public record EdgeSettings(Mode mode, GatewayRef gateway) {

    public enum Mode {
        /** A networking/v1 Ingress per stack. */
        Ingress,
        /** A gateway.networking.k8s.io/v1 HTTPRoute per exposed service and host. */
        Gateway
    }

    /**
     * A Gateway by namespace and name, and optionally one of its listeners.
     *
     * @param sectionName the listener the routes attach to; null attaches them to every listener that admits them
     */
    public record GatewayRef(String namespace, String name, String sectionName) {
        public GatewayRef {
            if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        "the Gateway the routes attach to needs a namespace and a name (atonix.edge.gateway-namespace,"
                                + " atonix.edge.gateway-name; chart values gateway.namespace, gateway.name)");
            }
            sectionName = sectionName == null || sectionName.isBlank() ? null : sectionName;
        }

        /** {@code NAMESPACE/NAME} or {@code NAMESPACE/NAME/SECTION}, as the render command takes it. */
        public static GatewayRef parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException(
                        "a Gateway is NAMESPACE/NAME or NAMESPACE/NAME/LISTENER, not '" + text + "'");
            }
            return new GatewayRef(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        }

        @Override
        public String toString() {
            return namespace + "/" + name + (sectionName == null ? "" : " (listener " + sectionName + ")");
        }
    }

    public EdgeSettings {
        if (mode == null) {
            throw new IllegalArgumentException("the edge mode is Ingress or Gateway");
        }
        if (mode == Mode.Gateway && gateway == null) {
            throw new IllegalArgumentException(
                    "Gateway mode needs the Gateway the routes attach to (atonix.edge.gateway-namespace and"
                            + " atonix.edge.gateway-name; chart values gateway.namespace and gateway.name)");
        }
        if (mode == Mode.Ingress) {
            gateway = null;
        }
    }

    public static EdgeSettings ingress() {
        return new EdgeSettings(Mode.Ingress, null);
    }

    public static EdgeSettings gateway(GatewayRef gateway) {
        return new EdgeSettings(Mode.Gateway, gateway);
    }

    public boolean gatewayMode() {
        return mode == Mode.Gateway;
    }

    /** The mode from its configured spelling, case as written in the docs: Ingress or Gateway. */
    public static Mode mode(String text) {
        for (Mode mode : Mode.values()) {
            if (mode.name().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("the edge mode is Ingress or Gateway, not '" + text + "'");
    }
}
