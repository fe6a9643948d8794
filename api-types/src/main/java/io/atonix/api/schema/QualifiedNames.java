package io.atonix.api.schema;

/** Kubernetes' names of objects and keys, as patterns written without backslashes (the same text in CEL and Java). */
public final class QualifiedNames {
    /** An object name such as an IngressClass's: a DNS subdomain. */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** An annotation or label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static final String KEY =
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$";

    private QualifiedNames() {}
}
