package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.OidcProvider;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Deployment of the oauth2-proxy in front of a service, under the Pod Security restricted profile. */
public final class AuthProxyDeployments {
    public static final String IMAGE = "quay.io/oauth2-proxy/oauth2-proxy:v7.15.6";
    public static final String CONTAINER = "oauth2-proxy";
    /** The image's distroless nonroot user and group. */
    static final long USER = 65532;
    /** Two pods: the proxy is the service's only door, and its cookie sessions need no shared store. */
    static final int REPLICAS = 2;

    private AuthProxyDeployments() {}

    public static Deployment desired(AppStack stack, ServiceSpec service) {
        String stackName = stack.getMetadata().getName();
        String name = Names.authProxy(stackName, service.name());
        Map<String, String> podLabels = new LinkedHashMap<>(Labels.forAuthProxy(stackName, service.name()));
        podLabels.remove(Labels.STACK);
        OidcProvider oidc = stack.getSpec().oidc().orElseThrow();
        boolean emails = !oidc.allowedEmails().isEmpty();
        return StackObjects.finish(new DeploymentBuilder()
                .withMetadata(AuthProxies.metadata(stack, service, name))
                .withNewSpec()
                .withReplicas(REPLICAS)
                .withRevisionHistoryLimit(Deployments.REVISION_HISTORY)
                .withNewSelector()
                .withMatchLabels(Labels.authProxySelector(stackName, service.name()))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(name)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod(USER, USER))
                .withContainers(container(stack, service, oidc, emails))
                .withVolumes(emails ? List.of(emailsVolume(stackName, service)) : null)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    private static Container container(AppStack stack, ServiceSpec service, OidcProvider oidc, boolean emails) {
        String stackName = stack.getMetadata().getName();
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(IMAGE)
                .withArgs(AuthProxyArgs.of(stack, service, oidc))
                .withEnv(
                        secretEnv(
                                "OAUTH2_PROXY_CLIENT_SECRET",
                                oidc.clientSecretRef().name(),
                                oidc.clientSecretRef().key()),
                        secretEnv(
                                "OAUTH2_PROXY_COOKIE_SECRET",
                                Names.authProxyCookie(stackName, service.name()),
                                AuthProxies.COOKIE_SECRET_KEY))
                .addNewPort()
                .withName(ContainerParts.HTTP_PORT)
                .withContainerPort(AuthProxyArgs.PORT)
                .withProtocol("TCP")
                .endPort()
                .withReadinessProbe(probe("/ready"))
                .withLivenessProbe(probe("/ping"))
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("32Mi")))
                .withLimits(Map.of("memory", new Quantity("128Mi")))
                .endResources()
                .withSecurityContext(new SecurityContextBuilder(PodSecurity.restrictedContainer())
                        .withReadOnlyRootFilesystem(true)
                        .build())
                .withVolumeMounts(emails ? List.of(emailsMount()) : null)
                .build();
    }

    private static EnvVar secretEnv(String variable, String secret, String key) {
        return new EnvVarBuilder()
                .withName(variable)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    private static Probe probe(String path) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(ContainerParts.HTTP_PORT))
                .endHttpGet()
                .withPeriodSeconds(10)
                .build();
    }

    private static Volume emailsVolume(String stack, ServiceSpec service) {
        return new VolumeBuilder()
                .withName("emails")
                .withNewConfigMap()
                .withName(Names.authProxyEmails(stack, service.name()))
                .endConfigMap()
                .build();
    }

    private static VolumeMount emailsMount() {
        return new VolumeMountBuilder()
                .withName("emails")
                .withMountPath(AuthProxyArgs.EMAILS_DIR)
                .withReadOnly(true)
                .build();
    }
}
