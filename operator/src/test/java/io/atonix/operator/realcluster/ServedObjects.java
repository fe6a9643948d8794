package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every object the API server holds, of every resource type its discovery lists as listable, in every namespace and
 * cluster-scoped, each as the JSON the server returns. Each group is read at its preferred version: another version
 * shows the same objects.
 */
public final class ServedObjects {
    /** An object, named for a report, and its JSON. */
    public record Found(String where, JsonNode json) {}

    /** A resource type: its group ("" for the core group) and plural name. */
    public record Type(String group, String plural) {
        public static final Type SECRETS = new Type("", "secrets");
    }

    private ServedObjects() {}

    /** The objects of the resource types {@code wanted} accepts. */
    public static List<Found> list(KubernetesClient admin, Predicate<Type> wanted) {
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup group : admin.getApiGroups().getGroups()) {
            groupVersions.add(group.getPreferredVersion().getGroupVersion());
        }
        List<Found> found = new ArrayList<>();
        for (String groupVersion : groupVersions) {
            String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
            String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
            for (APIResource resource : admin.getApiResources(groupVersion).getResources()) {
                // "pods/log" and the like are subresources, reached through their object.
                if (resource.getName().contains("/")
                        || !resource.getVerbs().contains("list")
                        || !wanted.test(new Type(group, resource.getName()))) {
                    continue;
                }
                ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                        .withGroup(group)
                        .withVersion(version)
                        .withKind(resource.getKind())
                        .withPlural(resource.getName())
                        .withNamespaced(resource.getNamespaced())
                        .build();
                var objects = admin.genericKubernetesResources(context);
                List<GenericKubernetesResource> items = resource.getNamespaced()
                        ? objects.inAnyNamespace().list().getItems()
                        : objects.list().getItems();
                for (GenericKubernetesResource item : items) {
                    String namespace = item.getMetadata().getNamespace();
                    found.add(new Found(
                            resource.getKind() + " " + (namespace == null ? "" : namespace + "/")
                                    + item.getMetadata().getName() + " (" + groupVersion + ")",
                            admin.getKubernetesSerialization().convertValue(item, JsonNode.class)));
                }
            }
        }
        return found;
    }
}
