package dev.tagger.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.TaggerException;
import dev.tagger.extract.ReplyReader;
import dev.tagger.resolve.Resolution;
import dev.tagger.resolve.Resolver;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests over extract + repair + resolve: whatever a model sends back, reading it never throws
 * anything but a {@link TaggerException} (in practice {@link RepairException}), every value it yields is
 * valid JSON, and resolving it never yields a tag outside the set, more than the maximum, or an answer
 * for another document.
 *
 * <p>Each property runs jqwik's default 1,000 tries, which keeps the test run short. For a long local run
 * raise the JUnit platform parameter:
 * {@code mvn -o -B -pl core test -Dtest=RepairFuzzTest -Djqwik.tries.default=3400000} runs three random
 * properties 3.4 million times each plus the 22,400 clean replies the fourth enumerates exhaustively:
 * just over 10 million replies, about five minutes on two cores.
 */
class RepairFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reads numbers past the range of double as BigDecimal, so a re-read compares by value. */
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String DOC_ID = "7628";
    private static final TagSet TAGS = TagSet.fromJson("[{\"id\":77,\"name\":\"3d\"},{\"id\":17,\"name\":\"ai\"},"
            + "{\"id\":3,\"name\":\"benchmark\"},{\"id\":41,\"name\":\"game-engine \"},{\"id\":42,\"name\":\"declarative-gui \"},"
            + "{\"id\":5,\"name\":\"bug\"},{\"id\":6,\"name\":\"ui\"},{\"id\":7,\"name\":\"performance\"},"
            + "{\"id\":8,\"name\":\"docs\"},{\"id\":9,\"name\":\"security\"},{\"id\":\"a7\",\"name\":\"question\"}]");
    private static final List<String> NAMES = List.of("3d", "ai", "benchmark", "game-engine", "Game Engine", "declarative-gui ",
            "bug", "ui", "performance", "docs", "security", "question", "bitcoin", "AI", "perf", "77", "17", "a7", "");
    private static final String NOISE = "{}[](),:;\"'`\\/*#+-.0123456789eEtrufalsnTFN \n\t\u00a0\u201c\u201d\u2018\u2019<>think$boxed";

    @Property
    void arbitraryTextNeverThrowsAnythingButRepairException(@ForAll("noise") String text) {
        readBothWays(text, 3);
    }

    @Property
    void mutatedRepliesNeverThrowAnythingButRepairException(@ForAll("mutatedReplies") String reply, @ForAll @IntRange(min = 1, max = 5) int max) {
        readBothWays(reply, max);
    }

    @Property
    void cleanRepliesResolveToTheirTags(@ForAll("cleanReplies") CleanReply reply) {
        Repaired r = ReplyReader.read(reply.text());
        Resolution res = resolve(r.value(), 3);
        List<String> expected = reply.tags().stream().distinct().limit(3).toList();
        assertThat(res.tags()).extracting(dev.tagger.Tag::name).containsExactlyElementsOf(expected);
    }

    /** A well-formed answer, wrapped as a model might wrap it, and the tags it names. */
    record CleanReply(List<String> tags, String text) {
    }

    @Property
    void unicodeTextNeverThrowsAnythingButRepairException(@ForAll("unicode") String text) {
        readBothWays(text, 2);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars(NOISE.toCharArray()).ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(80);
    }

    @Provide
    Arbitrary<CleanReply> cleanReplies() {
        Arbitrary<List<String>> tags = Arbitraries.of("3d", "ai", "benchmark", "game-engine ", "bug", "ui", "docs").list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Integer> wrapper = Arbitraries.integers().between(0, 7);
        return Combinators.combine(tags, wrapper).as((t, w) -> new CleanReply(t, wrap(answer(DOC_ID, t, 0), w)));
    }

    @Provide
    Arbitrary<String> mutatedReplies() {
        Arbitrary<List<String>> tags = Arbitraries.of(NAMES).list().ofMaxSize(6);
        Arbitrary<String> id = Arbitraries.of(DOC_ID, "7629", "", "\"7628\"", "x");
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> wrapper = Arbitraries.integers().between(0, 7);
        Arbitrary<List<int[]>> mutations = Combinators.combine(
                        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, NOISE.length() - 1))
                .as((k, p, c) -> new int[] {k, p, c}).list().ofMaxSize(6);
        return Combinators.combine(id, tags, shape, wrapper, mutations).as((i, t, s, w, m) -> mutate(wrap(answer(i, t, s), w), m));
    }

    private static void readBothWays(String text, int max) {
        try {
            Repaired r = ReplyReader.read(text);
            assertValidJson(r.value());
            Resolution res = resolve(r.value(), max);
            assertThat(res.tags()).hasSizeLessThanOrEqualTo(max);
            assertThat(TAGS.tags()).containsAll(res.tags());
            assertThat(new HashSet<>(res.tags())).hasSameSizeAs(res.tags());
        } catch (RepairException e) {
            assertThat(e.reason()).isIn(TaggerException.Reason.NO_JSON, TaggerException.Reason.TRUNCATED,
                    TaggerException.Reason.TOO_DEEP, TaggerException.Reason.TOO_LONG);
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            assertValidJson(JsonRepair.repair(text));
        } catch (RepairException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static Resolution resolve(JsonNode value, int max) {
        Resolver.Answer a = Resolver.readAnswer(value);
        Proposal p = new Proposal(a.candidates(), a.answeredId(), "", List.of(), TokenUsage.NONE);
        Resolution res = Resolver.resolve(p, TAGS, max, DOC_ID);
        if (res.usable()) {
            // an answer naming another document is never usable
            assertThat(a.answeredId()).isIn(Optional.empty(), Optional.of(DOC_ID));
        }
        return res;
    }

    private static void assertValidJson(JsonNode value) {
        try {
            String json = MAPPER.writeValueAsString(value);
            JsonNode again = STRICT.readTree(json);
            assertThat(again.equals(ConformanceTest.NUMERIC, value)).as("%s re-read as %s", value, again).isTrue();
        } catch (IOException e) {
            throw new AssertionError("repaired value is not valid JSON: " + e, e);
        }
    }

    private static String answer(String id, List<String> tags, int shape) {
        StringBuilder t = new StringBuilder();
        for (String tag : tags) {
            if (t.length() > 0) {
                t.append(", ");
            }
            t.append(shape == 3 ? "'" + tag + "'" : quote(tag));
        }
        switch (shape) {
            case 1:
                return "[" + t + "]";
            case 2:
                return "{\"id\":\"" + id + "\",\"tags\":\"" + String.join(", ", tags) + "\"}";
            case 3:
                return "{'id': '" + id + "', 'tags': [" + t + "], 'sure': True}";
            case 4:
                StringBuilder objs = new StringBuilder();
                for (int k = 0; k < tags.size(); k++) {
                    objs.append(k == 0 ? "" : ",").append("{\"id\":").append(k).append(",\"name\":").append(quote(tags.get(k))).append('}');
                }
                return "{\"ID\":" + quote(id) + ",\"Tags\":[" + objs + "]}";
            case 5:
                return "{id: " + id + ", tags: [" + String.join(", ", tags) + "]}";
            default:
                return "{\"id\":" + quote(id) + ",\"tags\":[" + t + "]}";
        }
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrap(String answer, int wrapper) {
        switch (wrapper) {
            case 1:
                return "Sure! Here are the tags:\n" + answer + "\nLet me know if you need more.";
            case 2:
                return "```json\n" + answer + "\n```";
            case 3:
                return "<think>\nThe document is about a model; {\"tags\":[\"bitcoin\"]} would be wrong.\n</think>\n" + answer;
            case 4:
                return "Please reason step by step. The final answer is $\\boxed{" + answer + "}$";
            case 5:
                return "Draft: {\"id\":\"" + DOC_ID + "\",\"tags\":[\"bitcoin\"]}\nFinal:\n" + answer;
            case 6:
                return answer + "\n" + answer;
            case 7:
                return "\u201c" + answer + "\u201d";
            default:
                return answer;
        }
    }

    private static String mutate(String text, List<int[]> mutations) {
        StringBuilder b = new StringBuilder(text);
        for (int[] m : mutations) {
            int at = b.length() == 0 ? 0 : m[1] % (b.length() + 1);
            char c = NOISE.charAt(m[2]);
            switch (m[0]) {
                case 0:
                    b.insert(at, c);
                    break;
                case 1:
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                    break;
                case 2:
                    if (at < b.length()) {
                        b.setCharAt(at, c);
                    }
                    break;
                case 3:
                    b.setLength(at);
                    break;
                case 4:
                    b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + m[2])));
                    break;
                case 5:
                    b.insert(at, "\\\"");
                    break;
                case 6:
                    b.insert(at, c == '{' || c == '[' ? String.valueOf(c).repeat(600) : String.valueOf(c).repeat(m[2] + 1));
                    break;
                default:
                    b.insert(at, "\",");
                    break;
            }
        }
        return b.toString();
    }
}
