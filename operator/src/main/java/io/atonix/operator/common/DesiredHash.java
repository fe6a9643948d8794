package io.atonix.operator.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stamps each desired object with a hash of itself. Comparing field by field cannot see a field the user removed
 * from the spec (the stored object still has it, like every field the API server defaults), so a changed hash is
 * what tells the operator that its own intent changed.
 */
public final class DesiredHash {
    public static final String ANNOTATION = "atonix.io/desired-hash";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DesiredHash() {}

    public static <T extends HasMetadata> T stamp(T object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(object.getMetadata().getAnnotations());
        annotations.remove(ANNOTATION);
        object.getMetadata().setAnnotations(annotations);
        String hash = of(object);
        annotations.put(ANNOTATION, hash);
        return object;
    }

    public static String of(HasMetadata object) {
        try {
            // Sorted keys: the hash must not depend on map iteration order, which differs between JVM runs.
            Object tree = SERIALIZATION.convertValue(object, Object.class);
            byte[] json = SORTED.writeValueAsBytes(tree);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "cannot hash " + object.getKind() + " "
                            + object.getMetadata().getName(),
                    e);
        }
    }

    public static String get(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }
}
