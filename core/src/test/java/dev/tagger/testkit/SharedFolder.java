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

    /** The seed request's document (a README of 10 KB) and tag list (90 tags). */
    public record Seed(String readme, dev.tagger.TagSet tags) {
    }

    /**
     * The seed request, or a skipped test (a JUnit assumption) where the shared fixtures are absent.
     *
     * @return the seed request's document and tags
     */
    public static Seed assumeSeed() {
        Path readme = fixtures().resolve("deepseek-math-readme.md");
        Path tags = fixtures().resolve("tags.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(readme) && Files.isRegularFile(tags),
                "shared seed fixtures absent: " + fixtures());
        try {
            return new Seed(Files.readString(readme), dev.tagger.TagSet.fromJson(tags));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return how many times the pattern occurs in the text */
    public static int count(java.util.regex.Pattern p, String s) {
        java.util.regex.Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** @return the seed fixtures folder, or a path that does not exist when there is no shared folder */
    public static Path fixtures() {
        return dir().map(d -> d.resolve("fixtures")).orElse(Path.of("shared-folder-not-found", "fixtures"));
    }
}
