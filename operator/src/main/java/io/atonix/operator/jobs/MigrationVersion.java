package io.atonix.operator.jobs;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version a migration runs for: a hash of the job's pod template and the pod templates of the services it runs
 * before. A new image, command or environment of any of them is a new version; a replica count, an autoscaler or a
 * rotated credential is not (the templates are built without the credentials' checksum).
 */
public final class MigrationVersion {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private MigrationVersion() {}

    /** @param services the pod templates of the services the job runs before, by service name */
    public static String of(PodTemplateSpec job, Map<String, PodTemplateSpec> services) {
        StringBuilder text = new StringBuilder(SERIALIZATION.asJson(job));
        new TreeMap<>(services)
                .forEach((name, template) ->
                        text.append('\n').append(name).append('=').append(SERIALIZATION.asJson(template)));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, JobNames.VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
