package dev.tagger.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The team's shared data folder ({@code shared/}: seed fixtures, repair cases, the labelled eval set),
 * which lives beside the project's checkout on the team's machines and in CI, never inside the
 * project. Tests that use it skip when it is absent, so the project passes its tests without it.
 *
 * <p>Found as {@code -Dtagger.shared=DIR} when set, else the first {@code shared/} folder beside the
 * working directory or one of its parents (a module's directory in a Maven build).
 */
public final class SharedFolder {

    private SharedFolder() {
    }

    /** @return the shared folder, when there is one */
    public static Optional<Path> dir() {
        String explicit = System.getProperty("tagger.shared");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared");
            if (Files.isDirectory(p.resolve("fixtures")) || Files.isDirectory(p.resolve("repair"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return a file of the shared folder ({@code fixtures/tags.json}), when it is there */
    public static Optional<Path> file(String relative) {
        return dir().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }

    /** @return the seed fixtures folder, or a path that does not exist when there is no shared folder */
    public static Path fixtures() {
        return dir().map(d -> d.resolve("fixtures")).orElse(Path.of("shared-folder-not-found", "fixtures"));
    }
}
