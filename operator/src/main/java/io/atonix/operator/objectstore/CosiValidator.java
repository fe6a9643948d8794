package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.operator.common.CosiSettings;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/** What neither the CRD nor COSI can tell of a claimed store: which BucketAccessClass its accesses are of. */
public final class CosiValidator {

    private CosiValidator() {}

    public static List<SpecProblem> problems(AppStackSpec spec, CosiSettings cosi) {
        List<SpecProblem> problems = new ArrayList<>();
        List<ObjectStore> stores = spec.objectStores();
        for (int i = 0; i < stores.size(); i++) {
            ObjectStore store = stores.get(i);
            if (store.claimed() && BucketAccesses.accessClass(store, cosi).isEmpty()) {
                problems.add(new SpecProblem(
                        "spec.objectStores[" + i + "].bucketAccessClassName",
                        "object store " + store.name() + " names BucketClaim " + store.bucketClaim()
                                + " but no BucketAccessClass, and the platform configured none (chart value"
                                + " cosi.bucketAccessClassName): name the class COSI grants its access by"));
            }
        }
        return problems;
    }
}
