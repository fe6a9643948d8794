package io.atonix.operator.admission;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;

/**
 * The part of Kubernetes' CEL quantity library the CRDs' rules may call: {@code quantity()}, {@code isQuantity()} and
 * the comparisons. A value is parsed as the API server parses it (fabric8's Quantity), so "1Gi" and "1024Mi" compare
 * equal.
 */
final class QuantityLibrary {
    static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");

    /** A parsed quantity: its amount, the unit being 1 (bytes, cores). */
    record Amount(BigDecimal value) {}

    private QuantityLibrary() {}

    static List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration(
                        "quantity", CelOverloadDecl.newGlobalOverload("quantity_string", QUANTITY, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration(
                        "isQuantity",
                        CelOverloadDecl.newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
                member("compareTo", SimpleType.INT),
                member("isLessThan", SimpleType.BOOL),
                member("isGreaterThan", SimpleType.BOOL),
                CelFunctionDecl.newFunctionDeclaration(
                        "sign", CelOverloadDecl.newMemberOverload("quantity_sign", SimpleType.INT, QUANTITY)));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("quantity_string", String.class, QuantityLibrary::parse),
                CelFunctionBinding.from("is_quantity_string", String.class, QuantityLibrary::isQuantity),
                CelFunctionBinding.from("quantity_compareTo", Amount.class, Amount.class, (a, b) ->
                        (long) a.value().compareTo(b.value())),
                CelFunctionBinding.from(
                        "quantity_isLessThan",
                        Amount.class,
                        Amount.class,
                        (a, b) -> a.value().compareTo(b.value()) < 0),
                CelFunctionBinding.from(
                        "quantity_isGreaterThan",
                        Amount.class,
                        Amount.class,
                        (a, b) -> a.value().compareTo(b.value()) > 0),
                CelFunctionBinding.from(
                        "quantity_sign", Amount.class, a -> (long) a.value().signum()));
    }

    private static CelFunctionDecl member(String name, CelType result) {
        return CelFunctionDecl.newFunctionDeclaration(
                name, CelOverloadDecl.newMemberOverload("quantity_" + name, result, QUANTITY, QUANTITY));
    }

    private static Amount parse(String text) {
        return new Amount(Quantity.getAmountInBytes(Quantity.parse(text)));
    }

    private static boolean isQuantity(String text) {
        try {
            parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
