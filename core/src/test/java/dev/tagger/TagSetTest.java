package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TagSetTest {

    static final String REQUEST_FORM = "[{\"id\":77,\"name\":\"3d\"},{\"id\":17,\"name\":\"ai\"},"
            + "{\"id\":81,\"name\":\"game-engine \"},{\"id\":47,\"name\":\"database\"},{\"id\":\"a7\",\"name\":\"ui\"},"
            + "{\"id\":50,\"name\":\"ux\"},{\"id\":60,\"name\":\"benchmark\"},{\"id\":8,\"name\":\"declarative-gui \"}]";

    @Test
    void readsRequestFormKeepingNamesAndIdKinds() {
        TagSet set = TagSet.fromJson(REQUEST_FORM);

        assertThat(set.size()).isEqualTo(8);
        assertThat(set.names()).startsWith("3d", "ai", "game-engine ");
        assertThat(set.byId("77")).get().extracting(Tag::name, Tag::numericId).containsExactly("3d", true);
        assertThat(set.byId("a7")).get().extracting(Tag::name, Tag::numericId).containsExactly("ui", false);
        assertThat(set.byName("game-engine ")).isPresent();
        assertThat(set.byName("game-engine")).isEmpty();
    }

    @Test
    void readsPlainNameList() {
        TagSet set = TagSet.fromJson("[\"3d\",\"agent\",\"ai\"]");

        assertThat(set.names()).containsExactly("3d", "agent", "ai");
        assertThat(set.byId("agent")).get().extracting(Tag::name).isEqualTo("agent");
    }

    @Test
    void readsAListThatStartsWithAByteOrderMark(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("tags.json"), "\uFEFF[\"ai\",\"3d\"]");

        assertThat(TagSet.fromJson(f).names()).containsExactly("ai", "3d");
    }

    @Test
    void keepsDescriptionsGivenWithTheList() {
        TagSet set = TagSet.fromJson("[{\"id\":1,\"name\":\"k8s\",\"description\":\"Kubernetes\"}]");

        assertThat(set.tags().get(0).description()).isEqualTo("Kubernetes");
    }

    @Test
    void writesBackTheRequestForm() {
        TagSet set = TagSet.fromJson(REQUEST_FORM);

        assertThat(TagSet.fromJson(set.toJson())).isEqualTo(set);
        assertThat(set.toJson()).contains("{\"id\":77,\"name\":\"3d\"}", "{\"id\":\"a7\",\"name\":\"ui\"}");
    }

    static Stream<Arguments> badLists() {
        return Stream.of(
                Arguments.of("", TaggerException.Reason.INVALID_TAG_SET, "empty"),
                Arguments.of("[]", TaggerException.Reason.INVALID_TAG_SET, "empty"),
                Arguments.of("[{\"id\":1,\"name\":\"a\"", TaggerException.Reason.INVALID_TAG_SET, "not valid JSON"),
                Arguments.of("{\"tags\":[]}", TaggerException.Reason.INVALID_TAG_SET, "must be a JSON array"),
                Arguments.of("[{\"id\":1}]", TaggerException.Reason.INVALID_TAG_SET, "tag #0 has no string \"name\""),
                Arguments.of("[{\"id\":1,\"name\":\"  \"}]", TaggerException.Reason.INVALID_TAG_SET, "blank"),
                Arguments.of("[true]", TaggerException.Reason.INVALID_TAG_SET, "tag #0 must be a name"),
                Arguments.of("[{\"id\":1.5,\"name\":\"a\"}]", TaggerException.Reason.INVALID_TAG_SET, "neither an integer nor a string"),
                Arguments.of("[\"ai\",\"AI\"]", TaggerException.Reason.DUPLICATE_TAG, "duplicate tag name 'AI'"),
                Arguments.of("[\"game engine\",\"game-engine \"]", TaggerException.Reason.DUPLICATE_TAG, "duplicate tag name"),
                Arguments.of("[{\"id\":1,\"name\":\"a\"},{\"id\":1,\"name\":\"b\"}]", TaggerException.Reason.DUPLICATE_TAG, "duplicate tag id 1"));
    }

    @ParameterizedTest
    @MethodSource("badLists")
    void rejectsBadTagListWithReasonNamingTheProblem(String json, TaggerException.Reason reason, String message) {
        assertThatThrownBy(() -> TagSet.fromJson(json))
                .isInstanceOf(TaggerException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(reason);
    }

    @Test
    void missingFileIsAnIoErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> TagSet.fromJson(missing))
                .isInstanceOf(TaggerException.class)
                .hasMessageContaining("nope.json")
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.IO);
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("tags.json"), "[\"a\",\"a\"]");

        assertThatThrownBy(() -> TagSet.fromJson(f)).hasMessageContaining("tags.json").hasMessageContaining("duplicate");
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("3d", "3d", TagSet.MatchKind.EXACT),
                Arguments.of("game-engine ", "game-engine ", TagSet.MatchKind.EXACT),
                Arguments.of("game-engine", "game-engine ", TagSet.MatchKind.NORMALISED),
                Arguments.of("Game Engine", "game-engine ", TagSet.MatchKind.NORMALISED),
                Arguments.of("GAME_ENGINE", "game-engine ", TagSet.MatchKind.NORMALISED),
                Arguments.of("AI", "ai", TagSet.MatchKind.NORMALISED),
                Arguments.of("databse", "database", TagSet.MatchKind.NEAR_MISS),
                Arguments.of("benchmarks", "benchmark", TagSet.MatchKind.NEAR_MISS),
                Arguments.of("declarative gui", "declarative-gui ", TagSet.MatchKind.NORMALISED));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void findsTagForLabel(String label, String expectedName, TagSet.MatchKind kind) {
        TagSet set = TagSet.fromJson(REQUEST_FORM);

        assertThat(set.match(label)).get().satisfies(m -> {
            assertThat(m.tag().name()).isEqualTo(expectedName);
            assertThat(m.kind()).isEqualTo(kind);
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ui/ux", "uo", "machine-learning", "bitcoin", "", "  ", "3e", "dat"})
    void findsNothingForUnknownShortOrAmbiguousLabel(String label) {
        TagSet set = TagSet.fromJson(REQUEST_FORM);

        assertThat(set.find(label)).isEmpty();
    }

    @Test
    void nearMissMustBeUnique() {
        TagSet set = TagSet.ofNames("parser", "parsers2", "passer");

        // 'parsex' is one edit from 'parser' and two from 'passer': unique best match
        assertThat(set.find("parsex")).get().extracting(Tag::name).isEqualTo("parser");
        // 'paxser' is one edit from both 'parser' and 'passer': a tie is no match
        assertThat(set.find("paxser")).isEmpty();
    }
}
