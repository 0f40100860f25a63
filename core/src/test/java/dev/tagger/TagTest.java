package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TagTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "game-engine |game-engine",
            "Game Engine|game-engine",
            "  GAME__ENGINE |game-engine",
            "declarative-gui |declarative-gui",
            "Ｋ８Ｓ|k8s",
            "web - app|web-app"})
    void normalisesCaseSpacingAndSeparators(String label, String key) {
        assertThat(Tag.normalise(label)).isEqualTo(key);
    }

    @Test
    void keepsNameExactlyAsGiven() {
        assertThat(Tag.of(81, "game-engine ").name()).isEqualTo("game-engine ");
    }

    @Test
    void rejectsNonIntegerNumericId() {
        assertThatThrownBy(() -> new Tag("7x", "a", "", true))
                .isInstanceOf(TaggerException.class).hasMessageContaining("'7x'");
    }

    @Test
    void emptyDocumentIsRejectedWithItsId() {
        assertThatThrownBy(() -> new Document("d1", " \n\t"))
                .isInstanceOfSatisfying(TaggerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TaggerException.Reason.EMPTY_DOCUMENT);
                    assertThat(e.documentId()).contains("d1");
                });
    }

    @Test
    void documentToStringHidesText() {
        assertThat(new Document("7628", "secret text").toString()).doesNotContain("secret").contains("7628", "11 chars");
    }
}
