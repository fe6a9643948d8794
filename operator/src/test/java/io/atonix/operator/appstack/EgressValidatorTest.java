package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.EgressPort;
import io.atonix.api.v1beta1.appstack.IpBlock;
import io.atonix.api.v1beta1.appstack.LabelRequirement;
import io.atonix.api.v1beta1.appstack.LabelSelection;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.operator.common.SpecProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of spec.networkPolicy.egressTo as render and the controller check them, each refusal naming its field. */
class EgressValidatorTest {
    private static final String FIELD = "spec.networkPolicy.egressTo[0]";

    @Test
    void aWellFormedAllowListHasNoProblems() {
        EgressDestination payments = ipBlock("payments", "203.0.113.0/24", List.of("203.0.113.128/25"));
        EgressDestination v6 = ipBlock("v6", "2001:db8::/32", List.of("2001:db8:ff::/48"));
        EgressDestination minio = new EgressDestination(
                "minio",
                null,
                new LabelSelection(Map.of("kubernetes.io/metadata.name", "storage"), null),
                new LabelSelection(null, List.of(new LabelRequirement("app", LabelRequirement.Operator.Exists, null))),
                List.of(new EgressPort(9000, 9001, null)),
                List.of("web"));
        assertThat(problems(List.of(payments, v6, minio), EgressMode.DeclaredOnly, null))
                .isEmpty();
    }

    @Test
    void aDestinationIsExactlyOneKind() {
        EgressDestination both = new EgressDestination(
                "both",
                new IpBlock("203.0.113.0/24", null),
                null,
                new LabelSelection(Map.of("app", "x"), null),
                null,
                null);
        EgressDestination none = new EgressDestination("none", null, null, null, null, null);
        assertThat(fields(List.of(both))).containsExactly(FIELD);
        assertThat(problems(List.of(none), EgressMode.Open, null))
                .extracting(SpecProblem::message)
                .containsExactly(EgressDestination.ONE_DESTINATION);
    }

    @Test
    void addressesAreCidrsAndExceptionsLieInside() {
        assertThat(fields(List.of(ipBlock("a", "api.payments.example", null))))
                .containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.7", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.0/33", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.256/32", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "2001:db8::/129", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "2001:db8:::1/64", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", ".::/64", null)))).containsExactly(FIELD + ".ipBlock.cidr");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.0/24", List.of("198.51.100.0/25")))))
                .as("an exception outside the range")
                .containsExactly(FIELD + ".ipBlock.except[0]");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.0/24", List.of("203.0.113.0/24")))))
                .as("an exception as wide as the range")
                .containsExactly(FIELD + ".ipBlock.except[0]");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.0/24", List.of("2001:db8::/64")))))
                .as("an exception of the other family")
                .containsExactly(FIELD + ".ipBlock.except[0]");
        assertThat(fields(List.of(ipBlock("a", "203.0.113.0/24", List.of("nonsense")))))
                .containsExactly(FIELD + ".ipBlock.except[0]");
    }

    @Test
    void aPortRangeEndsAtOrAfterItsStart() {
        EgressDestination backwards = new EgressDestination(
                "a",
                new IpBlock("203.0.113.0/24", null),
                null,
                null,
                List.of(new EgressPort(443, null, null), new EgressPort(8443, 8000, null)),
                null);
        assertThat(fields(List.of(backwards))).containsExactly(FIELD + ".ports[1].endPort");
    }

    @Test
    void fromNamesServicesOfTheStackOrItsPostgres() {
        EgressDestination unknown = new EgressDestination(
                "a", new IpBlock("203.0.113.0/24", null), null, null, null, List.of("web", "api"));
        assertThat(fields(List.of(unknown))).containsExactly("spec.networkPolicy.egressTo", FIELD + ".from[1]");
        EgressDestination postgres = new EgressDestination(
                "a", new IpBlock("203.0.113.0/24", null), null, null, null, List.of(EgressDestination.POSTGRES));
        assertThat(fields(List.of(postgres)))
                .as("a stack without spec.postgres")
                .containsExactly("spec.networkPolicy.egressTo", FIELD + ".from[0]");
        assertThat(problems(List.of(postgres), EgressMode.DeclaredOnly, archiving()))
                .isEmpty();
    }

    @Test
    void selectorsAreValidLabelSelectors() {
        EgressDestination bad = new EgressDestination(
                "a",
                null,
                new LabelSelection(Map.of("bad key!", "x"), null),
                new LabelSelection(
                        null,
                        List.of(
                                new LabelRequirement("app", LabelRequirement.Operator.In, null),
                                new LabelRequirement("tier", LabelRequirement.Operator.DoesNotExist, List.of("x")))),
                null,
                null);
        assertThat(fields(List.of(bad)))
                .containsExactly(
                        FIELD + ".podSelector.matchExpressions[0].values",
                        FIELD + ".podSelector.matchExpressions[1].values",
                        FIELD + ".namespaceSelector.matchLabels");
    }

    @Test
    void underDeclaredOnlyAnArchivingPostgresNeedsADestinationOfItsOwn() {
        EgressDestination forWeb =
                new EgressDestination("a", new IpBlock("203.0.113.0/24", null), null, null, null, List.of("web"));
        assertThat(problems(List.of(forWeb), EgressMode.DeclaredOnly, archiving()))
                .extracting(SpecProblem::field, SpecProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "spec.networkPolicy.egressTo", AppStackSpec.POSTGRES_OBJECT_STORE_CLOSED));
        assertThat(problems(List.of(), EgressMode.Open, archiving()))
                .as("Open leaves its egress alone")
                .isEmpty();
    }

    private static EgressDestination ipBlock(String name, String cidr, List<String> except) {
        return new EgressDestination(name, new IpBlock(cidr, except), null, null, null, null);
    }

    private static StackPostgres archiving() {
        ObjectStoreSpec store = new ObjectStoreSpec(
                "https://s3.example.com", "archive", null, null, new ObjectStoreCredentials("s3", null, null), null);
        return new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                null,
                null,
                null,
                new BackupSpec("0 3 * * *", null, null, store),
                null);
    }

    private static List<String> fields(List<EgressDestination> destinations) {
        return problems(destinations, EgressMode.DeclaredOnly, null).stream()
                .map(SpecProblem::field)
                .toList();
    }

    private static List<SpecProblem> problems(
            List<EgressDestination> destinations, EgressMode mode, StackPostgres postgres) {
        AppStack stack = TestStacks.stack(
                "ns",
                "shop",
                TestStacks.spec(
                        List.of(TestStacks.service("web", "nginx", 8080)),
                        postgres,
                        null,
                        null,
                        null,
                        new NetworkPolicySpec(true, mode, destinations),
                        null));
        return AppStackValidator.validate(stack);
    }
}
