package io.atonix.api.v1beta1;

/** The API group and version every Atonix custom resource is served under. */
public final class ApiGroup {
    public static final String GROUP = "atonix.io";
    public static final String VERSION = "v1beta1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private ApiGroup() {}
}
