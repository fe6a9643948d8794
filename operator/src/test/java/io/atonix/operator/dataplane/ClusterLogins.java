package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What a client of the data plane holds: the credential Secrets of one namespace, and Service names looked up in the
 * agent's hosts file as the operator looks them up (the test JVM started before the file existed, so it cannot be given
 * {@code -Djdk.net.hosts.file} as the operator process is).
 */
record ClusterLogins(KubernetesClient admin, String namespace) {

    /** A Secret's keys and decoded values. */
    Map<String, String> secret(String name) {
        Map<String, String> decoded = new HashMap<>();
        admin.secrets()
                .inNamespace(namespace)
                .withName(name)
                .get()
                .getData()
                .forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return decoded;
    }

    /** The address the hosts file gives {@code host}. */
    String address(String host) throws Exception {
        return DataPlane.serviceAddresses(host).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError(host + " is not in the hosts file"));
    }

    /** A JDBC connection as a login's username and password to a PostgreSQL database on {@code host}:5432. */
    Connection connect(Map<String, String> login, String host, String database) throws Exception {
        String url = "jdbc:postgresql://" + address(host) + ":5432/" + database;
        return DriverManager.getConnection(url, login.get("username"), login.get("password"));
    }
}
