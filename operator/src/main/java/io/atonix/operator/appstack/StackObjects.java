package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** Metadata shared by the objects of one service, and the finishing step every desired object passes through. */
final class StackObjects {

    private StackObjects() {}

    static ObjectMeta serviceMetadata(AppStack stack, ServiceSpec service) {
        return new ObjectMetaBuilder()
                .withName(Names.service(stack.getMetadata().getName(), service.name()))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(Labels.forService(stack.getMetadata().getName(), service.name()))
                .withOwnerReferences(Owners.controller(stack))
                .build();
    }

    static Map<String, String> selector(AppStack stack, ServiceSpec service) {
        return Labels.serviceSelector(stack.getMetadata().getName(), service.name());
    }

    static <T extends HasMetadata> T finish(T object) {
        return DesiredHash.stamp(object);
    }
}
