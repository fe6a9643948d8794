package io.atonix.operator.render;

import java.util.ArrayList;
import java.util.List;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.appstack.AppStackValidator;
import io.atonix.operator.appstack.SpecProblem;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Turns resources into the objects the operator would create for them, through the controllers' own builders. */
public final class Renderer {
    private final PlatformSettings platform;
    private final String defaultNamespace;

    public Renderer(PlatformSettings platform, String defaultNamespace) {
        this.platform = platform;
        this.defaultNamespace = defaultNamespace;
    }

    public List<HasMetadata> render(String source, HasMetadata resource) throws InvalidResourceException {
        if (resource.getMetadata() != null && resource.getMetadata().getNamespace() == null) {
            resource.getMetadata().setNamespace(defaultNamespace);
        }
        if (resource instanceof AppStack stack) {
            List<SpecProblem> problems = AppStackValidator.validate(stack);
            if (!problems.isEmpty()) {
                List<String> lines = new ArrayList<>();
                problems.forEach(p -> lines.add("  " + p));
                throw new InvalidResourceException(source + ": AppStack " + stack.getMetadata().getName() + " is invalid:\n"
                        + String.join("\n", lines));
            }
            return AppStackResources.desired(stack, platform);
        }
        throw new InvalidResourceException(source + ": " + resource.getKind() + " " + resource.getMetadata().getName()
                + " cannot be rendered yet: only AppStack has a controller in this version");
    }
}
