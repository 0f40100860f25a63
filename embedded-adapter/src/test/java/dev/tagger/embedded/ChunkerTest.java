package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static MarkdownCleaner.CleanText text(String... paragraphs) {
        return new MarkdownCleaner.CleanText("", List.of(), List.of(paragraphs), "");
    }

    private static String words(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(prefix).append(i);
        }
        return sb.toString();
    }

    @Test
    void leadTakesWholeParagraphsWhileTheyFit() {
        var chunks = new Chunker(10, 8, 5).chunks(text("Title", words("a", 6), words("b", 6)));
        assertThat(chunks).extracting(Chunker.Chunk::lead).containsExactly(true, false);
        assertThat(chunks.get(0).text()).isEqualTo("Title\n" + words("a", 6));
        assertThat(chunks.get(1).text()).isEqualTo(words("b", 6));
    }

    @Test
    void cutsALongFirstParagraphIntoLeadAndBody() {
        var chunks = new Chunker(8, 8, 5).chunks(text(words("a", 20)));
        assertThat(chunks).extracting(c -> c.text().split(" ").length).containsExactly(8, 8, 4);
        assertThat(String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList())).isEqualTo(words("a", 20));
    }

    @Test
    void packsParagraphsIntoBodyChunksOfAtMostTheLimit() {
        var chunks = new Chunker(8, 10, 9).chunks(text("lead", words("a", 4), words("b", 4), words("c", 4), words("d", 12)));
        assertThat(chunks).extracting(c -> c.text().split("\\s").length).allMatch(n -> n <= 10);
        assertThat(chunks.get(0).text()).isEqualTo("lead\n" + words("a", 4));
        assertThat(chunks.get(1).text()).isEqualTo(words("b", 4) + " " + words("c", 4));
    }

    @Test
    void addsASummaryChunkOfTheLeadsFirstWordsWhenAsked() {
        var chunks = new Chunker(10, 8, 2, 4).chunks(text(words("a", 10), words("b", 8), words("c", 8)));
        assertThat(chunks).extracting(Chunker.Chunk::kind)
                .containsExactly(Chunker.Kind.SUMMARY, Chunker.Kind.LEAD, Chunker.Kind.BODY);
        assertThat(chunks.get(0).text()).isEqualTo(words("a", 4));
        assertThat(new Chunker(10, 8, 2, 40).chunks(text(words("a", 10)))).extracting(Chunker.Chunk::kind)
                .containsExactly(Chunker.Kind.LEAD);
    }

    @Test
    void stopsAtTheMaximumNumberOfChunks() {
        var chunks = new Chunker(8, 8, 3).chunks(text(words("a", 100)));
        assertThat(chunks).hasSize(3);
    }

    @Test
    void givesNoChunkForAnEmptyText() {
        assertThat(new Chunker(8, 8, 3).chunks(text())).isEmpty();
    }

    @Test
    void countsTextWithoutSpacesByCharacters() {
        String chinese = "这是一个用于测试的很长的中文段落没有任何空格但是仍然需要被切分成多个块才能被模型完整读取";
        assertThat(Chunker.words(chinese)).hasSize((chinese.length() + Chunker.CHARS_PER_WORD - 1) / Chunker.CHARS_PER_WORD);
        assertThat(Chunker.words("supercalifragilisticexpialidocious-and-more")).hasSize(1);
    }

    @Test
    void rejectsSizesTooSmallToHoldASentence() {
        assertThatThrownBy(() -> new Chunker(4, 100, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leadWords and chunkWords must be >= 8");
    }
}
