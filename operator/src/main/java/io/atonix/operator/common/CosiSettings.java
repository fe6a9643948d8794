package io.atonix.operator.common;

/**
 * The platform's COSI, set once by the platform team: the BucketAccessClass of the BucketAccesses of object stores
 * that name a BucketClaim and no class of their own.
 *
 * @param bucketAccessClassName the default class; null makes each such store name its own
 */
public record CosiSettings(String bucketAccessClassName) {

    public CosiSettings {
        bucketAccessClassName =
                bucketAccessClassName == null || bucketAccessClassName.isBlank() ? null : bucketAccessClassName.strip();
    }

    public static CosiSettings none() {
        return new CosiSettings(null);
    }
}
