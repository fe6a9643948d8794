package io.atonix.api.v1beta1.appstack;

/** The kinds of cert-manager's own issuers. */
public enum IssuerKind {
    /** An issuer in the stack's namespace. */
    Issuer,
    /** An issuer for the whole cluster. */
    ClusterIssuer
}
