package io.atonix.operator.admission;

import io.atonix.api.v1beta1.ApiGroup;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI schemas of the CRDs the API types module generated and ships (META-INF/fabric8, the files committed in
 * crds/): render checks a resource against exactly the schema the API server checks it against.
 */
public final class CrdSchemas {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, JSONSchemaProps> BY_KIND = new ConcurrentHashMap<>();

    private CrdSchemas() {}

    /** The schema of a kind of this API group (AppStack, Postgres, Redis) at the version the operator serves. */
    public static JSONSchemaProps of(String kind) {
        return of(plural(kind), ApiGroup.VERSION);
    }

    /** The schema of the kind at the version, e.g. ("appstacks", "v1beta1"). */
    public static JSONSchemaProps of(String plural, String version) {
        return BY_KIND.computeIfAbsent(plural + "/" + version, key -> load(plural, version));
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "AppStack" -> "appstacks";
            case "Postgres" -> "postgreses";
            case "Redis" -> "redises";
            default -> throw new IllegalArgumentException("the atonix.io API has no kind " + kind);
        };
    }

    private static JSONSchemaProps load(String plural, String version) {
        String resource = "/META-INF/fabric8/" + plural + ".atonix.io-v1.yml";
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the API types module ships no " + resource);
            }
            CustomResourceDefinition crd = SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
            return crd.getSpec().getVersions().stream()
                    .filter(v -> v.getName().equals(version))
                    .map(CustomResourceDefinitionVersion::getSchema)
                    .map(s -> s.getOpenAPIV3Schema())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(resource + " serves no version " + version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
