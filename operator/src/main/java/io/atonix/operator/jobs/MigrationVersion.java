package io.atonix.operator.jobs;

import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version a migration runs for: a hash of the job's spec and of what makes a new version of each service it runs
 * before: its container (image, command, arguments, environment, resources, probes, ports) and its uses. Taken from
 * the spec, not from the objects the operator builds, so that a new release of the operator, which may build a pod
 * template differently, never runs a migration again; a replica count, an autoscaler, routes or a rotated credential
 * are no new version either.
 */
public final class MigrationVersion {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private MigrationVersion() {}

    /** @param services the services the job runs before */
    public static String of(JobSpec job, List<ServiceSpec> services) {
        List<Object> parts = new ArrayList<>();
        parts.add(job);
        services.stream().sorted(Comparator.comparing(ServiceSpec::name)).forEach(s -> parts.add(container(s)));
        String text = SERIALIZATION.asJson(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, JobNames.VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Map<String, Object> container(ServiceSpec service) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", service.name());
        fields.put("image", service.image());
        fields.put("imagePullPolicy", service.imagePullPolicy());
        fields.put("command", service.command());
        fields.put("args", service.args());
        fields.put("env", service.env());
        fields.put("resources", service.resources());
        fields.put("probes", service.probes());
        fields.put("port", service.port());
        fields.put("additionalPorts", service.additionalPorts());
        fields.put("uses", service.uses());
        return fields;
    }
}
