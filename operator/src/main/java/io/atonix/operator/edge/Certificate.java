package io.atonix.operator.edge;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** cert-manager's Certificate (cert-manager.io/v1): a certificate for some DNS names, kept in a Secret by an issuer. */
@Group(Certificate.GROUP)
@Version("v1")
@Kind("Certificate")
@Singular("certificate")
@Plural("certificates")
public class Certificate extends CustomResource<CertificateSpec, CertificateStatus> implements Namespaced {
    public static final String GROUP = "cert-manager.io";
}
