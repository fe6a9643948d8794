package io.atonix.operator.dataplane;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's view of {@link PostgresImage}: {@code postgres:<major>} images (Docker Hub's official image, with or
 * without its registry, any tag that starts with the major: 15, 17.2, 16-bookworm). Every major is known, so that one
 * without binaries here fails its pod loudly instead of passing as simulated.
 */
public final class PostgresImageRuntime implements ImageRuntime {
    private static final Pattern IMAGE =
            Pattern.compile("(?:(?:docker\\.io/)?library/)?postgres:(\\d+)(?:[.-][\\w.-]*)?");

    @Override
    public boolean knows(String image) {
        return IMAGE.matcher(image).matches();
    }

    @Override
    public ProcessSpec launch(ContainerRun container) {
        Matcher image = IMAGE.matcher(container.image());
        if (!image.matches()) {
            throw new IllegalArgumentException("not a postgres image: " + container.image());
        }
        return new PostgresImage(PostgresInstallations.of(Integer.parseInt(image.group(1)))).launch(container);
    }
}
