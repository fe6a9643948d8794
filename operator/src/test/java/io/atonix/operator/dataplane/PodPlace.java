package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a test's pod lives on this machine: its loopback address, its directory (volumes, the writable layer) and the
 * hosts file its processes see as /etc/hosts.
 */
record PodPlace(String podIp, Path directory, Path hostsFile) {

    /** {@code container} as the agent hands it over: its Secret references resolved from {@code secrets}. */
    ContainerRun run(Container container, Map<String, Path> mounts, Map<String, Secret> secrets) {
        Map<String, String> environment = new HashMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue());
            } else {
                var reference = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), value(secrets.get(reference.getName()), reference.getKey()));
            }
        }
        return new ContainerRun(
                container.getImage(),
                container.getCommand() == null ? List.of() : container.getCommand(),
                container.getArgs() == null ? List.of() : container.getArgs(),
                environment,
                mounts,
                podIp,
                directory.resolve("layer").resolve(container.getName()),
                Optional.of(hostsFile));
    }

    private static String value(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
