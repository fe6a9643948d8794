package io.atonix.operator.keda;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** KEDA's TriggerAuthentication (keda.sh/v1alpha1): where a scaler's credentials come from. */
@Group(ScaledObject.GROUP)
@Version("v1alpha1")
@Kind("TriggerAuthentication")
@Singular("triggerauthentication")
@Plural("triggerauthentications")
public class TriggerAuthentication extends CustomResource<TriggerAuthenticationSpec, Void> implements Namespaced {}
