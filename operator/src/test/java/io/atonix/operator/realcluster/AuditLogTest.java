package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Forbidden guard of OperatorProcess counts, on lines as the API server writes them (level Metadata). */
class AuditLogTest {
    private static final String OPERATOR = "system:serviceaccount:atonix-tier:tier-atonix-operator";

    @Test
    void onlyRequestsOfTheUserThatRbacRefusedCountAsRefusedEachOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.log");
        Files.write(
                file,
                List.of(
                        event(OPERATOR, "list", "", "persistentvolumes", "", null, 403, "forbid"),
                        event(OPERATOR, "list", "", "persistentvolumes", "", null, 403, "forbid"),
                        event(OPERATOR, "get", "apps", "statefulsets", "scale", "shop", 403, "forbid"),
                        // Admission, after RBAC allowed it: a create in a namespace being deleted.
                        event(OPERATOR, "create", "", "events", "", "shop", 403, "allow"),
                        event(OPERATOR, "update", "apps", "deployments", "", "shop", 200, "allow"),
                        event("someone-else", "delete", "", "secrets", "", "shop", 403, "forbid")));

        assertThat(new AuditLog(file).refusedByRbac(OPERATOR, 0))
                .containsExactly("list persistentvolumes in (cluster)", "get apps/statefulsets/scale in shop");
        assertThat(new AuditLog(file).refusedByRbac(OPERATOR, 2))
                .containsExactly("get apps/statefulsets/scale in shop");
    }

    @Test
    void writesWithOneTokenAreTheWritesOfThatTokenAloneInTheOrderTheServerReceivedThem(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("audit.log");
        Files.write(
                file,
                List.of(
                        tokenEvent("JTI=a", "patch", "leases", "atonix-tier", "lease", "15:00:02.000000", 200),
                        tokenEvent("JTI=b", "create", "deployments", "shop", "web", "15:00:01.500000", 201),
                        tokenEvent("JTI=a", "get", "leases", "atonix-tier", "lease", "15:00:03.000000", 200),
                        tokenEvent("JTI=a", "create", "services", "shop", "web", "15:00:01.000000", 409),
                        tokenEvent("JTI=ab", "delete", "services", "shop", "web", "15:00:04.000000", 200)));

        assertThat(new AuditLog(file).writesWith("JTI=a", 0))
                .extracting(AuditLog.Write::toString)
                .containsExactly(
                        "2026-12-02T15:00:01Z create services shop/web -> 409",
                        "2026-12-02T15:00:02Z patch leases atonix-tier/lease -> 200");
        assertThat(new AuditLog(file).writesWith("JTI=a", 0))
                .extracting(AuditLog.Write::succeeded)
                .containsExactly(false, true);
    }

    /** An event of the chart's ServiceAccount with one token, as the server writes it for a bound token. */
    private static String tokenEvent(
            String credentialId, String verb, String resource, String namespace, String name, String time, int code) {
        return ("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
                        + "\"stage\":\"ResponseComplete\",\"verb\":\"%s\",\"user\":{\"username\":\"%s\","
                        + "\"extra\":{\"authentication.kubernetes.io/credential-id\":[\"%s\"]}},"
                        + "\"objectRef\":{\"resource\":\"%s\",\"namespace\":\"%s\",\"name\":\"%s\"},"
                        + "\"responseStatus\":{\"metadata\":{},\"code\":%d},"
                        + "\"requestReceivedTimestamp\":\"2026-12-02T%sZ\"}")
                .formatted(verb, OPERATOR, credentialId, resource, namespace, name, code, time);
    }

    private static String event(
            String user,
            String verb,
            String group,
            String resource,
            String subresource,
            String namespace,
            int code,
            String decision) {
        return ("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"stage\":\"ResponseComplete\","
                        + "\"verb\":\"%s\",\"user\":{\"username\":\"%s\",\"groups\":[\"system:authenticated\"]},"
                        + "\"objectRef\":{\"resource\":\"%s\",%s%s\"apiGroup\":\"%s\",\"apiVersion\":\"v1\"},"
                        + "\"responseStatus\":{\"metadata\":{},\"code\":%d},"
                        + "\"annotations\":{\"authorization.k8s.io/decision\":\"%s\",\"authorization.k8s.io/reason\":\"\"}}")
                .formatted(
                        verb,
                        user,
                        resource,
                        namespace == null ? "" : "\"namespace\":\"" + namespace + "\",",
                        subresource.isEmpty() ? "" : "\"subresource\":\"" + subresource + "\",",
                        group,
                        code,
                        decision);
    }
}
