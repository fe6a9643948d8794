package io.atonix.operator.appstack;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.Expose;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Optional;
import java.util.TreeMap;

/** The networking/v1 Ingress of a service that declares expose. */
public final class Ingresses {

    private Ingresses() {}

    public static Optional<Ingress> desired(AppStack stack, ServiceSpec service, PlatformSettings platform) {
        Expose expose = service.expose();
        if (expose == null) {
            return Optional.empty();
        }
        var metadata = StackObjects.serviceMetadata(stack, service);
        metadata.setAnnotations(expose.annotations().isEmpty() ? null : new TreeMap<>(expose.annotations()));
        String ingressClass =
                expose.ingressClassName() != null ? expose.ingressClassName() : platform.ingressClassName();
        var builder = new IngressBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withIngressClassName(ingressClass)
                .addNewRule()
                .withHost(expose.host())
                .withNewHttp()
                .addNewPath()
                .withPath(expose.pathOrDefault())
                .withPathType(expose.pathTypeOrDefault().name())
                .withNewBackend()
                .withNewService()
                .withName(metadata.getName())
                .withNewPort()
                .withName(ContainerParts.HTTP_PORT)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec();
        if (expose.tlsEnabled()) {
            String secret = expose.tlsSecretName() != null
                    ? expose.tlsSecretName()
                    : Names.tlsSecret(stack.getMetadata().getName(), service.name());
            builder.editSpec()
                    .addNewTl()
                    .withHosts(expose.host())
                    .withSecretName(secret)
                    .endTl()
                    .endSpec();
        }
        return Optional.of(StackObjects.finish(builder.build()));
    }

    /** The URL a person reaches an exposed service at. */
    public static String url(Expose expose) {
        return (expose.tlsEnabled() ? "https://" : "http://") + expose.host() + expose.pathOrDefault();
    }
}
