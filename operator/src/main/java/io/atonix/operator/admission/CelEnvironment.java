package io.atonix.operator.admission;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL the API server evaluates x-kubernetes-validations rules in, as far as the CRDs' rules use it: the standard
 * macros and functions, the strings extension (split, replace, upperAscii) and the quantity library. {@code self} is
 * dynamic: the values are the resource's own JSON, already checked against its schema.
 */
final class CelEnvironment {
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current().build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addFunctionDeclarations(QuantityLibrary.declarations())
            .addFunctionBindings(QuantityLibrary.bindings())
            .build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private CelEnvironment() {}

    /** Whether the rule holds for the value; a rule that does not compile here is a bug of the CRD or of this class. */
    static boolean holds(String rule, Object self) throws CelEvaluationException {
        Object result = PROGRAMS.computeIfAbsent(rule, CelEnvironment::compile).eval(Map.of("self", self));
        return Boolean.TRUE.equals(result);
    }

    static CelRuntime.Program compile(String rule) {
        try {
            return CEL.createProgram(CEL.compile(rule).getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("the CRD rule " + rule + " does not compile: " + e.getMessage(), e);
        }
    }
}
