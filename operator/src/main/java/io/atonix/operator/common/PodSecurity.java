package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** Security contexts that meet the Pod Security Standard {@code restricted} profile. */
public final class PodSecurity {
    public static final String RUNTIME_DEFAULT = "RuntimeDefault";

    private PodSecurity() {}

    /** Pods run as a non-root user with the runtime's default seccomp profile. */
    public static PodSecurityContext restrictedPod() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType(RUNTIME_DEFAULT)
                .endSeccompProfile()
                .build();
    }

    /** Pods whose image runs as a known user, with volumes writable by that user's group. */
    public static PodSecurityContext restrictedPod(long user, long group) {
        return new PodSecurityContextBuilder(restrictedPod())
                .withRunAsUser(user)
                .withRunAsGroup(group)
                .withFsGroup(group)
                .build();
    }

    /** Containers cannot gain privileges and keep no Linux capabilities. */
    public static SecurityContext restrictedContainer() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .addToDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType(RUNTIME_DEFAULT)
                .endSeccompProfile()
                .build();
    }
}
