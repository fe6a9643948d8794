package io.atonix.operator.keda;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** KEDA's ScaledObject (keda.sh/v1alpha1): scales a Deployment on events, through an HPA KEDA makes for it. */
@Group(ScaledObject.GROUP)
@Version("v1alpha1")
@Kind("ScaledObject")
@Singular("scaledobject")
@Plural("scaledobjects")
public class ScaledObject extends CustomResource<ScaledObjectSpec, ScaledObjectStatus> implements Namespaced {
    public static final String GROUP = "keda.sh";
}
