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
