package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.edge.Certificate;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** The cert-manager Certificate of each host whose TLS names an issuer, keyed by host; removed with the issuerRef. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class CertificateDependent extends StackChildDependent<Certificate> {

    public CertificateDependent() {
        super(Certificate.class);
    }

    @Override
    public Map<String, Certificate> desiredResources(AppStack primary, Context<AppStack> context) {
        return Certificates.desired(primary);
    }

    @Override
    public Map<String, Certificate> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                Certificate.class,
                Labels.STACK,
                primary.getMetadata().getName(),
                c -> Certificates.NAME_LABEL.equals(Secondaries.label(c, Labels.NAME)) ? Certificates.host(c) : null);
    }

    @Override
    protected String ofKey(String key) {
        return " of host " + key;
    }
}
