package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Tag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagTextsTest {

    private final TagTexts texts = new TagTexts(Map.of("machine-learning", "models that learn from data"), Map.of());

    @Test
    void aTagIsEmbeddedAsItsNameAndDescriptionElseItsPhrasingElseItsName() {
        assertThat(texts.textOf(Tag.of(1, "machine-learning"))).isEqualTo("machine learning: models that learn from data");
        assertThat(texts.textOf(Tag.of(1, "machine-learning").withDescription(" neural networks ")))
                .isEqualTo("machine learning: neural networks");
        assertThat(texts.textOf(Tag.of(2, "web-dev"))).isEqualTo("web dev");
    }

    @Test
    void theNeutralTextsAreTheBundledTagsAsTheyAreEmbedded() {
        assertThat(texts.neutralTexts()).isEqualTo(Map.of("machine-learning", "machine learning: models that learn from data"));
        assertThat(TagTexts.bundled().neutralTexts()).isNotEmpty().allSatisfy((key, text) ->
                assertThat(text).isEqualTo(TagTexts.bundled().textOf(Tag.of(1, key))));
    }
}
