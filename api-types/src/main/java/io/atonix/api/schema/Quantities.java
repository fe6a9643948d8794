package io.atonix.api.schema;

/** Schema patterns shared by the API's fields. */
public final class Quantities {
    /**
     * A non-negative Kubernetes quantity as a string ({@code 250m}, {@code 1.5}, {@code 10Gi}, {@code 1e3}): the
     * grammar of resource.Quantity without a sign, so {@code 10GB} and {@code -1Gi} are refused at admission.
     */
    public static final String NON_NEGATIVE =
            "^(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    private Quantities() {}
}
