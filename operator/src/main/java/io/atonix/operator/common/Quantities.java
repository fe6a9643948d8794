package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes quantities the way the API server stores them ("0.5" becomes "500m", "1024Mi" becomes "1Gi"). Without
 * it, a quantity a user wrote in another form would differ from the stored object on every reconcile and be
 * written again and again.
 */
public final class Quantities {
    private static final List<String> BINARY = List.of("", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

    private Quantities() {}

    public static Quantity canonical(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        BigDecimal value = Quantity.getAmountInBytes(quantity);
        String format = quantity.getFormat() == null ? "" : quantity.getFormat();
        if (BINARY.contains(format) && !format.isEmpty() && isInteger(value)) {
            return binary(value);
        }
        return decimal(value);
    }

    public static BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static Quantity binary(BigDecimal value) {
        int suffix = 0;
        while (suffix < BINARY.size() - 1 && value.signum() != 0 && isInteger(value.divide(KIBI))) {
            value = value.divide(KIBI);
            suffix++;
        }
        return new Quantity(value.toBigIntegerExact().toString(), BINARY.get(suffix));
    }

    private static Quantity decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return new Quantity("0");
        }
        // Start at nano, the finest precision Kubernetes keeps, rounding up as the API server does.
        BigInteger nanos =
                value.movePointRight(9).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        int suffix = 0;
        BigInteger thousand = BigInteger.valueOf(1000);
        while (suffix < DECIMAL_SUFFIXES.length - 1 && nanos.mod(thousand).signum() == 0) {
            nanos = nanos.divide(thousand);
            suffix++;
        }
        return new Quantity(nanos.toString(), DECIMAL_SUFFIXES[suffix]);
    }

    private static boolean isInteger(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
