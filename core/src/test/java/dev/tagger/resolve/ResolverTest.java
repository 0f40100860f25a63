package dev.tagger.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolverTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TagSet TAGS = TagSet.fromJson("[{\"id\":77,\"name\":\"3d\"},{\"id\":17,\"name\":\"ai\"},"
            + "{\"id\":81,\"name\":\"game-engine \"},{\"id\":47,\"name\":\"database\"},{\"id\":60,\"name\":\"benchmark\"},"
            + "{\"id\":\"a7\",\"name\":\"ui\"},{\"id\":4,\"name\":\"cli\"}]");

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("names", "{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}", List.of("ai", "benchmark")),
                Arguments.of("numeric ids", "{\"id\":\"7628\",\"tags\":[17,60]}", List.of("ai", "benchmark")),
                Arguments.of("string ids", "{\"id\":\"7628\",\"tags\":[\"17\",\"a7\"]}", List.of("ai", "ui")),
                Arguments.of("objects", "{\"id\":\"7628\",\"tags\":[{\"id\":17,\"name\":\"ai\"},{\"id\":77}]}", List.of("ai", "3d")),
                Arguments.of("object with wrong id, right name", "{\"tags\":[{\"id\":999,\"name\":\"database\"}]}", List.of("database")),
                Arguments.of("comma string", "{\"id\":\"7628\",\"tags\":\"ai, benchmark\"}", List.of("ai", "benchmark")),
                Arguments.of("comma string in array", "{\"tags\":[\"ai, 3d\"]}", List.of("ai", "3d")),
                Arguments.of("key case variant", "{\"ID\":\"7628\",\"Tags\":[\"ai\"]}", List.of("ai")),
                Arguments.of("bare array", "[\"ai\",\"cli\"]", List.of("ai", "cli")),
                Arguments.of("bare string", "\"ai\"", List.of("ai")),
                Arguments.of("near-miss names", "{\"tags\":[\"Game Engine\",\"databse\",\"AI\"]}", List.of("game-engine ", "database", "ai")),
                Arguments.of("hash and quotes around names", "{\"tags\":\"#ai, 'cli'\"}", List.of("ai", "cli")),
                Arguments.of("nested arrays", "{\"tags\":[[\"ai\"],[\"3d\"]]}", List.of("ai", "3d")),
                Arguments.of("single tag object", "{\"id\":17,\"name\":\"ai\"}", List.of("ai")),
                Arguments.of("empty tags", "{\"id\":\"7628\",\"tags\":[]}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void resolvesAnswerShapesToTagsOfTheSet(String name, String answer, List<String> expected) throws Exception {
        Resolution r = resolve(answer, 3);

        assertThat(r.tags()).extracting(Tag::name).containsExactlyElementsOf(expected);
        assertThat(r.usable()).isTrue();
    }

    @Test
    void dropsUnknownTagsAndRecordsThem() throws Exception {
        Resolution r = resolve("{\"tags\":[\"ai\",\"bitcoin\",\"machine-learning\"]}", 3);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.dropped()).containsExactly("'bitcoin': not in the tag list", "'machine-learning': not in the tag list");
        assertThat(r.usable()).isTrue();
    }

    @Test
    void removesDuplicatesAndCapsAtMaximum() throws Exception {
        Resolution r = resolve("{\"tags\":[\"ai\",\"AI\",17,\"3d\",\"cli\",\"database\"]}", 3);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai", "3d", "cli");
        assertThat(r.dropped()).containsExactly("'AI': repeats 'ai'", "17: repeats 'ai'", "'database': over the maximum of 3");
    }

    @Test
    void recordsNormalisedAndNearMissMatches() throws Exception {
        Resolution r = resolve("{\"tags\":[\"Game Engine\",\"databse\"]}", 3);

        assertThat(r.adjusted()).containsExactly("'Game Engine' -> 'game-engine ' (normalised)", "'databse' -> 'database' (near miss)");
    }

    @Test
    void onlyUnknownTagsIsUnusable() throws Exception {
        Resolution r = resolve("{\"id\":\"7628\",\"tags\":[\"bitcoin\",\"defi\"]}", 3);

        assertThat(r.tags()).isEmpty();
        assertThat(r.problem()).contains("none of the 2 tags given is in the tag list");
    }

    @Test
    void wrongIdIsUnusable() throws Exception {
        Resolution r = resolve("{\"id\":\"1234\",\"tags\":[\"ai\"]}", 3);

        assertThat(r.problem()).contains("the answer's id is '1234' but the document's id is '7628'");
    }

    @Test
    void numericIdEqualToCallersStringIdIsAccepted() throws Exception {
        assertThat(resolve("{\"id\":7628,\"tags\":[\"ai\"]}", 3).usable()).isTrue();
    }

    @Test
    void answerWithoutTagsHasNoPlaceForTags() throws Exception {
        Resolver.Answer a = Resolver.readAnswer(JSON.readTree("{\"id\":\"7628\",\"answer\":42}"));

        assertThat(a.hasTags()).isFalse();
        assertThat(a.candidates()).isEmpty();
        assertThat(a.answeredId()).contains("7628");
    }

    private static Resolution resolve(String answer, int max) throws Exception {
        JsonNode node = JSON.readTree(answer);
        Resolver.Answer a = Resolver.readAnswer(node);
        Proposal p = new Proposal(a.candidates(), a.answeredId(), answer, List.of(), TokenUsage.NONE);
        return Resolver.resolve(p, TAGS, max, "7628");
    }
}
