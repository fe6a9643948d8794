package io.atonix.operator.install;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One thing RBAC can grant: a verb on a resource (or resource/subresource) of an API group ("" is the core group). */
record Permission(String group, String resource, String verb) implements Comparable<Permission> {
    private static final Comparator<Permission> ORDER = Comparator.comparing(Permission::group)
            .thenComparing(Permission::resource)
            .thenComparing(Permission::verb);

    @Override
    public int compareTo(Permission other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
    }

    /** Every permission the rules grant, one per (group, resource, verb). */
    static Set<Permission> grantedBy(List<PolicyRule> rules) {
        Set<Permission> granted = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        granted.add(new Permission(group, resource, verb));
                    }
                }
            }
        }
        return granted;
    }
}
