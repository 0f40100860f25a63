package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TermIndexTest {

    static Stream<Arguments> mentions() {
        return Stream.of(
                Arguments.of(List.of("graphql"), "GraphQL server; a graphql schema", 2),
                Arguments.of(List.of("ai"), "AI tools, not paint or main", 1),
                Arguments.of(List.of("compil*"), "a compiler that compiles, a compact file", 2),
                Arguments.of(List.of("node.js"), "Node.js and node js, not nodejs", 2),
                Arguments.of(List.of("real-time"), "real time or real-time, not realtime", 2),
                Arguments.of(List.of("machine learning"), "Machine-Learning and machine\nlearning; machines learn", 2),
                Arguments.of(List.of("language model*", "large language model*"), "a large language model", 1),
                Arguments.of(List.of("ci/cd"), "CI/CD pipelines", 1),
                Arguments.of(List.of("k8s", "kubernetes"), "Kubernetes (k8s)", 2),
                Arguments.of(List.of("算法"), "数据结构与算法：排序算法和图算法", 3),
                Arguments.of(List.of("算法", "algorithm*"), "Algorithms 算法", 2),
                Arguments.of(List.of("x"), "", 0));
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @MethodSource("mentions")
    void countsWholeWordMentionsOfATagsTerms(List<String> terms, String text, int expected) {
        assertThat(new TermIndex(List.of(terms)).count(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mentions")
    void countsEachTagOnItsOwn(List<String> terms, String text, int expected) {
        int[] counts = new TermIndex(List.of(List.of("zzz"), terms, terms)).count(text);
        assertThat(counts).containsExactly(0, expected, expected);
    }

    static Stream<Arguments> mentionsPerLine() {
        return Stream.of(
                Arguments.of("Blockchain! blockchain, blockchain.", 2, 2),
                Arguments.of("Blockchain! blockchain, blockchain.", 1, 1),
                Arguments.of("Blockchain! blockchain, blockchain.", 0, 3),
                Arguments.of("A blockchain.\nA ledger and a blockchain.\nBlockchain", 1, 3),
                Arguments.of("A blockchain.\nA ledger and a blockchain.\nBlockchain", 2, 4),
                Arguments.of("blockchain blockchain blockchain\nblockchain blockchain blockchain\n\n", 2, 4),
                Arguments.of("Ethereum smart contracts on a ledger", 2, 2),
                Arguments.of("区块链区块链区块链\n区块链", 2, 3),
                Arguments.of("", 2, 0));
    }

    @ParameterizedTest(name = "\"{0}\", at most {1} per line")
    @MethodSource("mentionsPerLine")
    void countsATagAtMostSoOftenPerLine(String text, int perLine, int expected) {
        TermIndex index = new TermIndex(List.of(List.of("graphql"), List.of("blockchain*", "ethereum", "smart contract*", "ledger", "区块链")));
        assertThat(index.count(text, perLine)).containsExactly(0, expected);
    }
}
