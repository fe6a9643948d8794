package io.atonix.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly what the code uses: the permissions {@link PermissionsFromCode} derives from the
 * controllers, their dependents and their direct client calls equal the chart's rules, triple by triple. A new
 * dependent or client call without a rule fails here, and so does a rule nothing uses.
 */
class RbacTest {
    private static PermissionsFromCode code;
    private static RenderedChart allNamespaces;
    private static RenderedChart someNamespaces;

    @BeforeAll
    static void deriveAndRender() {
        code = PermissionsFromCode.derive();
        allNamespaces = RenderedChart.render("");
        someNamespaces = RenderedChart.render("watchNamespaces: [team-a, team-b]\n");
    }

    @Test
    void theClusterRoleGrantsExactlyWhatTheControllersUse() {
        Map<Permission, List<String>> needed = new java.util.TreeMap<>(code.inWatchedNamespaces());
        needed.putAll(code.clusterScoped());
        ClusterRole role = allNamespaces.one(ClusterRole.class);
        assertExactly(
                role.getRules(),
                needed,
                "the ClusterRole (helm/atonix-operator/templates/_helpers.tpl, atonix-operator.rules)");
    }

    @Test
    void watchedNamespacesGetRolesWithTheNamespacedPermissionsAndNothingClusterWide() {
        for (String namespace : List.of("team-a", "team-b")) {
            Role role = someNamespaces
                    .named(Role.class, namespace, RenderedChart.RELEASE)
                    .orElseThrow();
            assertExactly(role.getRules(), code.inWatchedNamespaces(), "the Role in " + namespace);
        }
        // The cluster-scoped reads (are the Prometheus Operator's CRDs installed? is a stack's Kafka namespace gone?)
        // are
        // left out when confined: the operator then treats monitoring as unavailable and a Kafka namespace it cannot
        // read as gone, and says so; under deletionPolicy Retain it leaves the volumes' reclaim policy alone
        // (WatchScope)
        // and asks for no volume. The chart makes no ClusterRole at all.
        assertThat(code.clusterScoped().keySet())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "apiextensions.k8s.io customresourcedefinitions get",
                        "core namespaces get",
                        "core persistentvolumes get",
                        "core persistentvolumes patch");
        assertThat(someNamespaces.all(ClusterRole.class)).isEmpty();
    }

    @Test
    void leaderElectionMayOnlyTouchLeasesInTheOperatorsNamespace() {
        Role role = allNamespaces
                .named(Role.class, RenderedChart.NAMESPACE, RenderedChart.RELEASE + "-leader-election")
                .orElseThrow();
        assertExactly(role.getRules(), code.inOperatorNamespace(), "the leader election Role");
        // java-operator-sdk looks for one rule that grants get, create and update before it starts.
        assertThat(role.getRules())
                .singleElement()
                .satisfies(r -> assertThat(r.getVerbs()).contains("get", "create", "update"));
    }

    @Test
    void noRuleUsesAWildcardOrANonResourceUrl() {
        for (var role : allNamespaces.all(ClusterRole.class)) {
            assertPlain(role.getRules());
        }
        for (var role : allNamespaces.all(Role.class)) {
            assertPlain(role.getRules());
        }
    }

    private static void assertPlain(List<PolicyRule> rules) {
        for (PolicyRule rule : rules) {
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*").noneMatch(r -> r.endsWith("/*"));
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            assertThat(rule.getResourceNames()).isNullOrEmpty();
        }
    }

    private static void assertExactly(List<PolicyRule> rules, Map<Permission, List<String>> needed, String where) {
        Set<Permission> granted = Permission.grantedBy(rules);
        Set<Permission> missing = new java.util.TreeSet<>(needed.keySet());
        missing.removeAll(granted);
        Set<Permission> unused = new java.util.TreeSet<>(granted);
        unused.removeAll(needed.keySet());
        assertThat(missing)
                .as(
                        "permissions the code needs that %s does not grant:\n%s",
                        where,
                        missing.stream()
                                .map(p -> "  " + p + "  <- " + needed.get(p))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        assertThat(unused).as("permissions %s grants that no code uses", where).isEmpty();
    }
}
