package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * The user a container runs as: the container's or pod's runAsUser and runAsGroup, else the image's user, the pod's
 * fsGroup beside.
 */
record Identity(Long user, Long group, Long fsGroup) {
    static Identity of(Pod pod, Container container, Long imageUser) {
        var podContext = pod.getSpec().getSecurityContext();
        var own = container.getSecurityContext();
        Long user = own != null && own.getRunAsUser() != null
                ? own.getRunAsUser()
                : podContext == null || podContext.getRunAsUser() == null ? imageUser : podContext.getRunAsUser();
        Long group = own != null && own.getRunAsGroup() != null
                ? own.getRunAsGroup()
                : podContext == null ? null : podContext.getRunAsGroup();
        return new Identity(user, group == null ? user : group, podContext == null ? null : podContext.getFsGroup());
    }

    /** setpriv and its options, or nothing for a container that runs as root. */
    List<String> setpriv() {
        if (user == null) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid", user.toString()));
        command.addAll(List.of("--regid", (group == null ? user : group).toString()));
        if (fsGroup != null) {
            command.addAll(List.of("--groups", fsGroup.toString()));
        } else {
            command.add("--clear-groups");
        }
        return command;
    }
}
