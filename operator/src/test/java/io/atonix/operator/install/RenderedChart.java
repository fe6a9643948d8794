package io.atonix.operator.install;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The chart in helm/atonix-operator rendered by real Helm (helm template), parsed into fabric8 objects. */
public final class RenderedChart {
    public static final String RELEASE = "atonix-operator";
    public static final String NAMESPACE = "atonix-system";
    /** The version the real control-plane tier runs; Helm's own default (1.20) is below the chart's kubeVersion. */
    public static final String KUBE_VERSION = "1.37.2";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String yaml;
    private final List<HasMetadata> objects;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    public static Path directory() {
        Path root = Path.of(System.getProperty("atonix.repository.root", ".."));
        return root.resolve("helm").resolve("atonix-operator");
    }

    /** Renders the chart for the given values (YAML text; empty for the chart's defaults). */
    public static RenderedChart render(String values) {
        return render(values, RELEASE, NAMESPACE);
    }

    /** Renders the chart for the given values as another release, installed in another namespace. */
    public static RenderedChart render(String values, String release, String namespace) {
        return render(values, release, namespace, KUBE_VERSION);
    }

    /** Renders the chart's defaults for a cluster of the given Kubernetes version. */
    public static RenderedChart renderFor(String kubeVersion) {
        return render("", RELEASE, NAMESPACE, kubeVersion);
    }

    private static RenderedChart render(String values, String release, String namespace, String kubeVersion) {
        try {
            Path file = Files.createTempFile("atonix-values", ".yaml");
            try {
                Files.writeString(file, values);
                String yaml = new Helm(directory())
                        .template()
                        .withName(release)
                        .withNamespace(namespace)
                        .withKubeVersion(kubeVersion)
                        .withValuesFile(file)
                        .call();
                return new RenderedChart(yaml, parse(yaml));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return ((List<HasMetadata>) list).stream().filter(Objects::nonNull).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    public String yaml() {
        return yaml;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type, Predicate<T> which) {
        return all(type).stream().filter(which).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one " + type.getSimpleName() + ", found " + found.size() + " in:\n" + yaml);
        }
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String namespace, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName())
                        && Objects.equals(namespace, o.getMetadata().getNamespace()))
                .findFirst();
    }

    /** An object as plain maps and lists, for kinds without a model class here (the ServiceMonitor). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(HasMetadata object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }

    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }
}
