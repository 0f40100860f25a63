package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownNoiseTest {

    static String table(int rows) {
        return "| a | b |\n|---|---:|\n" + IntStream.rangeClosed(1, rows).mapToObj(i -> "| " + i + " | x |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    static String code(int lines) {
        return "```java\n" + IntStream.rangeClosed(1, lines).mapToObj(i -> "line" + i + "();")
                .collect(Collectors.joining("\n")) + "\n```";
    }

    static Stream<Arguments> cleaners() {
        return Stream.of(
                Arguments.of(MarkdownNoise.HTML_COMMENTS, "a<!-- markdownlint-disable -->b<!--\nmulti\nline -->c", "abc"),
                Arguments.of(MarkdownNoise.BADGES, "x [![CI](https://img.shields.io/ci.svg)](https://ci.example) y", "x  y"),
                Arguments.of(MarkdownNoise.BADGES, "<a href=\"https://x\" target=\"_blank\">\n<img alt=\"Chat\" src=\"b.svg\" />\n</a>", ""),
                Arguments.of(MarkdownNoise.BADGES, "![cov](https://codecov.io/gh/a/b/badge.svg) text", " text"),
                Arguments.of(MarkdownNoise.BADGES, "![diagram](docs/arch.png)", "![diagram](docs/arch.png)"),
                Arguments.of(MarkdownNoise.IMAGES, "see ![logo](logo.png) and <img src=\"a.png\" width=\"50%\"/>.", "see  and ."),
                Arguments.of(MarkdownNoise.HTML_TAGS, "<div align=\"center\">Hello <b>world</b></div>", "Hello world"),
                Arguments.of(MarkdownNoise.HTML_TAGS, "a<br>b<br/>c &amp; d&nbsp;e", "a\nb\nc & d e"),
                Arguments.of(MarkdownNoise.HTML_TAGS, "x < y and y > z", "x < y and y > z"),
                Arguments.of(MarkdownNoise.LINK_URLS, "read [the paper](https://arxiv.org/abs/2402.03300 \"DeepSeekMath\").",
                        "read the paper."),
                Arguments.of(MarkdownNoise.LINK_URLS, "see [docs][1] and [wiki](https://w.example/a_(b)).\n\n[1]: https://docs.example\n",
                        "see docs and wiki.\n\n"),
                Arguments.of(MarkdownNoise.LINK_URLS, "mail <mailto:a@b.example> or <https://x.example/y>", "mail  or "),
                Arguments.of(MarkdownNoise.BLANK_LINES, "\n\na   \n\n\n\nb\t\n\n\n", "a\n\nb"),
                Arguments.of(MarkdownNoise.LONG_TABLES, table(4), table(4)),
                Arguments.of(MarkdownNoise.LONG_TABLES, "intro\n" + table(12) + "after",
                        "intro\n| a | b |\n|---|---:|\n| 1 | x |\n| 2 | x |\n| 3 | x |\n| 4 | x |\n| … 8 more rows |\nafter"),
                Arguments.of(MarkdownNoise.LONG_CODE_BLOCKS, code(10), code(10)),
                Arguments.of(MarkdownNoise.LONG_CODE_BLOCKS, "run:\n" + code(20) + "\ndone",
                        "run:\n```java\nline1();\nline2();\nline3();\nline4();\nline5();\nline6();\nline7();\nline8();\n"
                                + "… (12 more lines)\n```\ndone"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cleaners")
    void eachCleanerRemovesItsKindOfNoise(MarkdownNoise cleaner, String input, String expected) {
        assertThat(cleaner.apply(input)).isEqualTo(expected);
    }

    @Test
    void proseCleanersLeaveFencedCodeAlone() {
        String text = "Use <b>this</b>:\n```java\nList<String> names = List.of(); // <!-- not a comment -->\n"
                + "var link = \"[x](y)\";\n```\nthen <i>done</i>";
        String cleaned = MarkdownNoise.LINK_URLS.apply(MarkdownNoise.HTML_TAGS.apply(MarkdownNoise.HTML_COMMENTS.apply(text)));

        assertThat(cleaned).isEqualTo("Use this:\n```java\nList<String> names = List.of(); // <!-- not a comment -->\n"
                + "var link = \"[x](y)\";\n```\nthen done");
    }

    @Test
    void segmentsGiveTheTextBackWhenJoined() {
        String text = Fixtures.readme();

        assertThat(MarkdownNoise.segments(text).stream().map(MarkdownNoise.Segment::text).collect(Collectors.joining()))
                .isEqualTo(text);
        assertThat(MarkdownNoise.segments(text).stream().filter(MarkdownNoise.Segment::code).count()).isEqualTo(5);
    }

    @Test
    void allCleanersTogetherShrinkTheExampleReadmeAndKeepItsProse() {
        String text = Fixtures.readme();
        String cleaned = text;
        for (MarkdownNoise n : MarkdownNoise.values()) {
            cleaned = n.apply(cleaned);
        }

        assertThat(cleaned).doesNotContain("img.shields.io", "<div", "<!--", "](https://", "codecov")
                .contains("LumenStore is an embedded, transactional key-value store written in Rust.",
                        "Questions and ideas are welcome in GitHub Discussions");
        assertThat(Fixtures.CL100K.estimateTokenCountInText(cleaned))
                .isLessThan(Fixtures.CL100K.estimateTokenCountInText(text) * 3 / 4);
    }
}
