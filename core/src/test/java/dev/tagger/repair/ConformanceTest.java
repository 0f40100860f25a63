package dev.tagger.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import dev.tagger.extract.ReplyReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared conformance cases ({@code shared/repair/dev.jsonl}: inputs from the test suites of the
 * {@code jsonrepair} and {@code json_repair} libraries, and model replies) through the layer each case's
 * {@code source} names, compares values (numbers numerically, member order ignored), prints the pass rate
 * by source and by class with the failing cases, and asserts at least 97%.
 *
 * <p>The folder is {@code -Dtagger.shared=DIR}, else the first {@code shared/} found beside the module
 * directory or one of its parents (a clone at {@code X/main} with {@code X/shared} beside it works).
 * Other case files of the same format can be run with {@code -Dtagger.conformance.file=FILE}.
 * Skipped when no file is found. Cases in {@code repair/not-followed.txt} are reported, not failed.
 */
class ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double REQUIRED = 0.97;

    /** Numbers compare by value (2 equals 2.0), everything else by Jackson's equality. */
    static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    record Case(String source, String name, String klass, String input, JsonNode expected, String hash) {
    }

    record Outcome(Case c, boolean pass, String got) {
    }

    @Test
    void passesAtLeast97PercentOfTheSharedConformanceCases() throws IOException {
        Optional<Path> file = caseFile();
        assumeTrue(file.isPresent(), "no shared/repair/dev.jsonl found; set -Dtagger.shared=DIR to run the conformance cases");
        List<Case> cases = load(file.get());
        Map<String, String> notFollowed = notFollowed();

        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            outcomes.add(run(c));
        }
        int passed = 0;
        int excused = 0;
        Map<String, int[]> bySource = new TreeMap<>();
        Map<String, int[]> byClass = new TreeMap<>();
        StringBuilder failures = new StringBuilder();
        StringBuilder excusedList = new StringBuilder();
        StringBuilder stale = new StringBuilder();
        for (Outcome o : outcomes) {
            int[] s = bySource.computeIfAbsent(o.c.source, k -> new int[3]);
            int[] k = byClass.computeIfAbsent(o.c.klass, x -> new int[3]);
            s[0]++;
            k[0]++;
            String reason = notFollowed.get(o.c.hash);
            if (o.pass) {
                passed++;
                s[1]++;
                k[1]++;
                if (reason != null) {
                    stale.append("  ").append(o.c.hash).append(' ').append(o.c.name).append('\n');
                }
            } else if (reason != null) {
                excused++;
                s[2]++;
                k[2]++;
                excusedList.append(String.format("  %s %-12s %-18s %s%n      input    %s%n      expected %s%n      got      %s%n",
                        o.c.hash, o.c.source, o.c.klass, reason, shorten(o.c.input), shorten(String.valueOf(o.c.expected)), shorten(o.got)));
            } else {
                failures.append(String.format("  %s %-12s %-18s %s%n      input    %s%n      expected %s%n      got      %s%n",
                        o.c.hash, o.c.source, o.c.klass, o.c.name, shorten(o.c.input), shorten(String.valueOf(o.c.expected)), shorten(o.got)));
            }
        }
        int total = outcomes.size();
        StringBuilder report = new StringBuilder();
        report.append(String.format("Conformance on %s: %d/%d passed (%.1f%%), %d not followed (listed), %d failed%n",
                file.get(), passed, total, 100.0 * passed / total, excused, total - passed - excused));
        report.append("By source (pass/total, not followed):\n");
        bySource.forEach((k, v) -> report.append(String.format("  %-20s %4d/%-4d %5.1f%%  nf %d%n", k, v[1], v[0], 100.0 * v[1] / v[0], v[2])));
        report.append("By class (pass/total, not followed):\n");
        byClass.forEach((k, v) -> report.append(String.format("  %-20s %4d/%-4d %5.1f%%  nf %d%n", k, v[1], v[0], 100.0 * v[1] / v[0], v[2])));
        if (excusedList.length() > 0) {
            report.append("Not followed (see repair/not-followed.txt):\n").append(excusedList);
        }
        if (failures.length() > 0) {
            report.append("Failing:\n").append(failures);
        }
        if (stale.length() > 0) {
            report.append("Listed as not followed but now passing:\n").append(stale);
        }
        System.out.println(report);
        assertThat((double) passed / total).as("conformance pass rate (report above)").isGreaterThanOrEqualTo(REQUIRED);
    }

    static Outcome run(Case c) {
        try {
            Repaired r = c.source.equals("llm-replies") ? ReplyReader.read(c.input) : JsonRepair.repairWithReport(c.input);
            boolean pass = c.expected != null && !c.expected.isNull() && c.expected.equals(NUMERIC, r.value());
            return new Outcome(c, pass, r.value().toString());
        } catch (RepairException e) {
            boolean pass = c.expected == null || c.expected.isNull();
            return new Outcome(c, pass, "RepairException " + e.reason() + ": " + e.getMessage());
        } catch (TaggerException e) {
            return new Outcome(c, false, "unexpected " + e);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(c, false, "CRASH " + e);
        }
    }

    static Optional<Path> caseFile() {
        String explicit = System.getProperty("tagger.conformance.file");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Paths.get(explicit);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return dev.tagger.testkit.SharedFolder.file("repair/dev.jsonl");
    }

    static List<Case> load(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = MAPPER.readTree(line);
            String input = o.get("input").asText();
            cases.add(new Case(o.get("source").asText(), o.get("name").asText(), o.path("class").asText("?"), input,
                    o.get("expected"), sha1(input)));
        }
        return cases;
    }

    /** Hash prefix of the input -> reason, from {@code repair/not-followed.txt}. */
    static Map<String, String> notFollowed() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/repair/not-followed.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int sp = t.indexOf(' ');
                int bar = t.indexOf('|');
                out.put(t.substring(0, sp), bar < 0 ? t.substring(sp + 1) : t.substring(bar + 1).strip());
            }
        }
        return out;
    }

    static String sha1(String input) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        String t = s.replace("\n", "\\n");
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
