package io.atonix.operator.appstack;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The operator configured for Gateway mode, attached to the Gateway edge/public, as the chart's edge values set it. */
public class GatewayMode implements QuarkusTestProfile {
    public static final String GATEWAY_NAMESPACE = "edge";
    public static final String GATEWAY_NAME = "public";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "atonix.edge.mode", "Gateway",
                "atonix.edge.gateway-namespace", GATEWAY_NAMESPACE,
                "atonix.edge.gateway-name", GATEWAY_NAME);
    }
}
