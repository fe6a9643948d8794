package io.atonix.operator.objectstore;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * COSI's BucketAccess (objectstorage.k8s.io/v1alpha1): asks the driver of a BucketClaim's bucket for credentials,
 * which COSI's sidecar writes into the Secret the access names, as BucketInfo JSON.
 */
@Group(BucketAccess.GROUP)
@Version("v1alpha1")
@Kind("BucketAccess")
@Singular("bucketaccess")
@Plural("bucketaccesses")
public class BucketAccess extends CustomResource<BucketAccessSpec, BucketAccessStatus> implements Namespaced {
    public static final String GROUP = "objectstorage.k8s.io";
}
