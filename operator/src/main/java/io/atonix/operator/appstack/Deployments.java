package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.SecretChecksum;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Deployment that runs one service of a stack. */
public final class Deployments {
    static final int REVISION_HISTORY = 5;

    private Deployments() {}

    /** @param checksums of the binding Secrets: their digest on the pod template rolls the pods when a credential is rotated */
    public static Deployment desired(AppStack stack, ServiceSpec service, BindingChecksums checksums) {
        var metadata = StackObjects.serviceMetadata(stack, service);
        var checksum = checksums.of(bindingSecrets(stack, service));
        return StackObjects.finish(new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                // With an autoscaler the replica count is its to set; leaving it out keeps the operator from fighting
                // it.
                .withReplicas(service.autoscale() == null ? service.replicasOrDefault() : null)
                .withRevisionHistoryLimit(REVISION_HISTORY)
                .withNewSelector()
                .withMatchLabels(StackObjects.selector(stack, service))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .withAnnotations(
                        checksum.map(c -> Map.of(SecretChecksum.ANNOTATION, c)).orElse(null))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(metadata.getName())
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withImagePullSecrets(imagePullSecrets(stack))
                .withSecurityContext(PodSecurity.restrictedPod())
                .withContainers(container(stack, service))
                .withVolumes(nullIfEmpty(UseTls.volumes(stack, service)))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    private static Container container(AppStack stack, ServiceSpec service) {
        var probes = service.probes();
        var readiness = probes == null || probes.readiness() == null
                ? ContainerParts.defaultReadiness(service.port())
                : ContainerParts.probe(probes.readiness(), service.port());
        return new ContainerBuilder()
                .withName(Names.appContainer())
                .withImage(service.image())
                .withImagePullPolicy(
                        service.imagePullPolicy() == null
                                ? null
                                : service.imagePullPolicy().name())
                .withCommand(nullIfEmpty(service.command()))
                .withArgs(nullIfEmpty(service.args()))
                .withPorts(nullIfEmpty(ContainerParts.ports(service)))
                .withEnv(nullIfEmpty(env(stack, service)))
                .withVolumeMounts(nullIfEmpty(UseTls.mounts(stack, service)))
                .withResources(ContainerParts.resources(service.resources()))
                .withReadinessProbe(readiness)
                .withLivenessProbe(probes == null ? null : ContainerParts.probe(probes.liveness(), service.port()))
                .withStartupProbe(probes == null ? null : ContainerParts.probe(probes.startup(), service.port()))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    /** The generated Secrets the service's pods read their connection details from. */
    static List<String> bindingSecrets(AppStack stack, ServiceSpec service) {
        return UseBindings.secretNames(stack, service);
    }

    /** The service's own variables, then the connection details of each use, read from its binding Secret. */
    static List<EnvVar> env(AppStack stack, ServiceSpec service) {
        List<EnvVar> env = new ArrayList<>(ContainerParts.env(service.env()));
        service.uses().forEach(use -> {
            env.addAll(UseBindings.env(stack, service, use));
            env.addAll(UseTls.env(stack, service, use));
        });
        return env;
    }

    // The API server drops empty lists; sending one would differ from the stored object forever.
    static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    /** None as null, so that a stack without them stores no empty list to compare. */
    private static List<LocalObjectReference> imagePullSecrets(AppStack stack) {
        return nullIfEmpty(stack.getSpec().imagePullSecrets().stream()
                .map(secret -> new LocalObjectReference(secret.name()))
                .toList());
    }
}
