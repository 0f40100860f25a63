package dev.tagger.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import dev.tagger.TaggerException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own repair cases: one table per kind of damage, each row a near-JSON input, the JSON it
 * must become and the {@link Repair} that must be reported. Independent of the shared conformance files.
 */
class JsonRepairTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void check(String input, String expectedJson, Repair expectedRepair) {
        Repaired r = JsonRepair.repairWithReport(input);
        JsonNode expected = readStrict(expectedJson);
        assertThat(expected.equals(ConformanceTest.NUMERIC, r.value()))
                .as("repair of <%s> gave %s, expected %s", input, r.value(), expected)
                .isTrue();
        if (expectedRepair != null) {
            assertThat(r.repairs()).as("repairs of <%s>", input).contains(expectedRepair);
        }
    }

    private static JsonNode readStrict(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad expected JSON in the test table: " + json, e);
        }
    }

    static Stream<Arguments> validJson() {
        return Stream.of(
                arguments("{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}", "{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}"),
                arguments("[1, \"hi\", true, false, null, {}, []]", "[1, \"hi\", true, false, null, {}, []]"),
                arguments("  {  }  ", "{}"),
                arguments("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u260E\"", "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u260e\""),
                arguments("2.3e-3", "0.0023"),
                arguments("{\"key\": 12345678901234567890}", "{\"key\": 12345678901234567890}"),
                arguments("{\"\u2605\":\"\u0439\u043d\u0444\u043e\"}", "{\"\u2605\":\"\u0439\u043d\u0444\u043e\"}"));
    }

    @ParameterizedTest
    @MethodSource("validJson")
    void leavesValidJsonUnchangedAndReportsNoRepair(String input, String expected) {
        Repaired r = JsonRepair.repairWithReport(input);
        assertThat(readStrict(expected).equals(ConformanceTest.NUMERIC, r.value())).as("%s -> %s", input, r.value()).isTrue();
        assertThat(r.repairs()).isEmpty();
    }

    static Stream<Arguments> trailingCommas() {
        return Stream.of(
                arguments("[\"ai\",\"3d\",]", "[\"ai\",\"3d\"]"),
                arguments("{\"id\":\"7628\",\"tags\":[\"bug\",\"ui\",],}", "{\"id\":\"7628\",\"tags\":[\"bug\",\"ui\"]}"),
                arguments("[,1,2]", "[1,2]"),
                arguments("{ ,\"a\": 1}", "{\"a\": 1}"),
                arguments("[1,,2]", "[1,2]"),
                arguments("{\"a\":2  , \n }", "{\"a\":2}"),
                arguments("{\"a\":2},", "{\"a\":2}"));
    }

    @ParameterizedTest
    @MethodSource("trailingCommas")
    void repairsTrailingCommaInTagArray(String input, String expected) {
        check(input, expected, Repair.TRAILING_COMMA);
    }

    static Stream<Arguments> singleQuotes() {
        return Stream.of(
                arguments("{'id': '7628', 'tags': ['bug', 'performance']}", "{\"id\":\"7628\",\"tags\":[\"bug\",\"performance\"]}"),
                arguments("{'id': \"7628\", 'tags': [\"docs\", 'question']}", "{\"id\":\"7628\",\"tags\":[\"docs\",\"question\"]}"),
                arguments("'foo\"bar'", "\"foo\\\"bar\""),
                arguments("{'': 1}", "{\"\": 1}"),
                arguments("{'note': 'it's fine'}", "{\"note\": \"it's fine\"}"));
    }

    @ParameterizedTest
    @MethodSource("singleQuotes")
    void repairsSingleQuotedStrings(String input, String expected) {
        check(input, expected, Repair.SINGLE_QUOTES);
    }

    static Stream<Arguments> smartQuotes() {
        return Stream.of(
                arguments("{\u201cid\u201d: \u201c7628\u201d, \u201ctags\u201d: [\u201cbug\u201d, \u201cui\u201d]}", "{\"id\":\"7628\",\"tags\":[\"bug\",\"ui\"]}"),
                arguments("{\u2018a\u2019:\u2018b\u2019}", "{\"a\":\"b\"}"),
                arguments("{`a\u00b4:`b\u00b4}", "{\"a\":\"b\"}"),
                arguments("`foo'", "\"foo\""),
                arguments("\u201cfoo\u201d", "\"foo\""));
    }

    @ParameterizedTest
    @MethodSource("smartQuotes")
    void repairsCurlyQuotesAndBackticks(String input, String expected) {
        check(input, expected, Repair.SMART_QUOTES);
    }

    static Stream<Arguments> unquotedKeys() {
        return Stream.of(
                arguments("{id: \"7628\", tags: [\"ai\"]}", "{\"id\":\"7628\",\"tags\":[\"ai\"]}"),
                arguments("{2: 2}", "{\"2\": 2}"),
                arguments("{true: 2}", "{\"true\": 2}"),
                arguments("{a\":\"foo\",b\":\"bar\"}", "{\"a\":\"foo\",\"b\":\"bar\"}"));
    }

    @ParameterizedTest
    @MethodSource("unquotedKeys")
    void repairsUnquotedMemberNames(String input, String expected) {
        check(input, expected, Repair.UNQUOTED_KEY);
    }

    static Stream<Arguments> unquotedStrings() {
        return Stream.of(
                arguments("{\"tags\": [ai, game engine, 3d]}", "{\"tags\":[\"ai\",\"game engine\",\"3d\"]}"),
                arguments("{greeting: hello world!}", "{\"greeting\":\"hello world!\"}"),
                arguments("[https://example.com/a?b=1, 2]", "[\"https://example.com/a?b=1\", 2]"),
                arguments("{text:words{words in brackets}}", "{\"text\":\"words{words in brackets}\"}"),
                arguments("She said: no way", "\"She said: no way\""),
                arguments("{\"a\":\"b\",\"c\":d}", "{\"a\":\"b\",\"c\":\"d\"}"));
    }

    @ParameterizedTest
    @MethodSource("unquotedStrings")
    void quotesUnquotedStringValues(String input, String expected) {
        check(input, expected, Repair.UNQUOTED_STRING);
    }

    static Stream<Arguments> missingQuotes() {
        return Stream.of(
                arguments("{\"tags\":[\"ai,\"3d\"]}", "{\"tags\":[\"ai\",\"3d\"]}"),
                arguments("{\"a\":\"b,c,\"d\":\"e\"}", "{\"a\":\"b,c\",\"d\":\"e\"}"),
                arguments("[\"hello, world]", "[\"hello\",\"world\"]"),
                arguments("{\"url\":\"https://example.com/}", "{\"url\":\"https://example.com/\"}"),
                arguments("{\"a\": \"first, b: \"second\"}", "{\"a\":\"first\",\"b\":\"second\"}"),
                arguments("{ \"words\": abcdef\", \"numbers\": 12345\" }", "{\"words\":\"abcdef\",\"numbers\":12345}"));
    }

    @ParameterizedTest
    @MethodSource("missingQuotes")
    void addsMissingQuotes(String input, String expected) {
        check(input, expected, Repair.MISSING_QUOTE);
    }

    static Stream<Arguments> unescapedQuotes() {
        return Stream.of(
                arguments("\"The TV has a 24\" screen\"", "\"The TV has a 24\\\" screen\""),
                arguments("{\"key\": \"apple \"bee\" carrot\"}", "{\"key\":\"apple \\\"bee\\\" carrot\"}"),
                arguments("[\"lorem \"ipsum\" sic\"]", "[\"lorem \\\"ipsum\\\" sic\"]"),
                arguments("{\"x\": \"answer is {\"a\": \"b\"}, not a string\"}", "{\"x\":\"answer is {\\\"a\\\": \\\"b\\\"}, not a string\"}"),
                arguments("{\"key\": \"\"value\"}", "{\"key\":\"value\"}"),
                arguments("{\"k\"e\"y\": 1}", "{\"k\\\"e\\\"y\": 1}"));
    }

    @ParameterizedTest
    @MethodSource("unescapedQuotes")
    void escapesQuotesInsideStrings(String input, String expected) {
        check(input, expected, Repair.UNESCAPED_QUOTE);
    }

    static Stream<Arguments> missingCommas() {
        return Stream.of(
                arguments("{\"tags\": [\"ai\" \"3d\"]}", "{\"tags\":[\"ai\",\"3d\"]}"),
                arguments("{\"id\":\"7628\"\n\"tags\":[]}", "{\"id\":\"7628\",\"tags\":[]}"),
                arguments("[{}{}]", "[{},{}]"),
                arguments("[{\"i\":1{\"i\":2}]", "[{\"i\":1},{\"i\":2}]"),
                arguments("{\"array\": [\n1\n2\n]}", "{\"array\": [1,2]}"),
                arguments("{\"n\": 1,\"r\": \"According...\"\"ans\": \"YES\"}", "{\"n\":1,\"r\":\"According...\",\"ans\":\"YES\"}"));
    }

    @ParameterizedTest
    @MethodSource("missingCommas")
    void addsMissingCommas(String input, String expected) {
        check(input, expected, Repair.MISSING_COMMA);
    }

    static Stream<Arguments> missingColons() {
        return Stream.of(
                arguments("{\"tags\" [\"ai\"]}", "{\"tags\":[\"ai\"]}"),
                arguments("{\"a\" true}", "{\"a\":true}"),
                arguments("{\"a\"2}", "{\"a\":2}"),
                arguments("{a 'b'}", "{\"a\":\"b\"}"));
    }

    @ParameterizedTest
    @MethodSource("missingColons")
    void addsMissingColons(String input, String expected) {
        check(input, expected, Repair.MISSING_COLON);
    }

    static Stream<Arguments> missingValues() {
        return Stream.of(
                arguments("{\"id\":,\"tags\":[]}", "{\"id\":null,\"tags\":[]}"),
                arguments("{\"a\":}", "{\"a\":null}"),
                arguments("{\"a\": 1, \"b\"}", "{\"a\": 1, \"b\": null}"));
    }

    @ParameterizedTest
    @MethodSource("missingValues")
    void fillsMissingValuesWithNull(String input, String expected) {
        check(input, expected, Repair.MISSING_VALUE);
    }

    static Stream<Arguments> brackets() {
        return Stream.of(
                arguments("{\"tags\":[\"ai\"}", "{\"tags\":[\"ai\"]}"),
                arguments("{\"a\": 1}}]}", "{\"a\": 1}"),
                arguments("[1, 2)", "[1, 2]"),
                arguments("{]", "{}"),
                arguments("[\"key\":\"value\"}]", "[{\"key\":\"value\"}]"),
                arguments("{\"a\": \"b\"}, \"c\": \"d\"}", "{\"a\":\"b\",\"c\":\"d\"}"));
    }

    @ParameterizedTest
    @MethodSource("brackets")
    void repairsMissingExtraAndWrongBrackets(String input, String expected) {
        check(input, expected, Repair.BRACKETS);
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                arguments("{\"id\":\"7628\",\"tags\":[\"bug\",\"perf", "{\"id\":\"7628\",\"tags\":[\"bug\",\"perf\"]}"),
                arguments("{\"id\":\"7628\",\"tags\":[", "{\"id\":\"7628\",\"tags\":[]}"),
                arguments("{\"id\":\"7628\",\"ta", "{\"id\":\"7628\",\"ta\":null}"),
                arguments("{\"foo\":", "{\"foo\":null}"),
                arguments("[\"", "[]"),
                arguments("{\"text\":\"it's cut \\u26", "{\"text\":\"it's cut\"}"),
                arguments("[[1,2,3,", "[[1,2,3]]"));
    }

    @ParameterizedTest
    @MethodSource("truncated")
    void closesTruncatedReplies(String input, String expected) {
        check(input, expected, Repair.TRUNCATED);
    }

    static Stream<Arguments> comments() {
        return Stream.of(
                arguments("{\"tags\":[\"ai\"] // best guess\n}", "{\"tags\":[\"ai\"]}"),
                arguments("/* answer */ {\"a\":/* n */1}", "{\"a\":1}"),
                arguments("# reply\n{\"a\": 1 # one\n}", "{\"a\":1}"),
                arguments("{\"a\": \"b\" /* never closed", "{\"a\":\"b\"}"));
    }

    @ParameterizedTest
    @MethodSource("comments")
    void dropsComments(String input, String expected) {
        check(input, expected, Repair.COMMENTS);
    }

    static Stream<Arguments> pythonLiterals() {
        return Stream.of(
                arguments("{'id': '7628', 'tags': ['bug'], 'confident': True}", "{\"id\":\"7628\",\"tags\":[\"bug\"],\"confident\":true}"),
                arguments("[False, None]", "[false, null]"),
                arguments("{\"t\": (1, 2)}", "{\"t\": [1, 2]}"),
                arguments("(\"x\")", "\"x\""),
                arguments("{'ai', 'benchmark'}", "[\"ai\",\"benchmark\"]"),
                arguments("{\"a\": TRUE, \"b\": Null}", "{\"a\": true, \"b\": null}"));
    }

    @ParameterizedTest
    @MethodSource("pythonLiterals")
    void readsPythonLiteralsTuplesAndSets(String input, String expected) {
        check(input, expected, Repair.PYTHON_LITERALS);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments(".5", "0.5"),
                arguments("[2.]", "[2.0]"),
                arguments("{\"a\":2e-", "{\"a\":2}"),
                arguments("0789", "\"0789\""),
                arguments("[1.1.1, 2]", "[\"1.1.1\", 2]"),
                arguments("{\"key\": 1/3}", "{\"key\": \"1/3\"}"),
                arguments("{\"v\": 82_461_110}", "{\"v\": 82461110}"),
                arguments("[-,", "[0]"));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void repairsOrKeepsOddNumbers(String input, String expected) {
        check(input, expected, null);
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                arguments("\"\\a\"", "\"a\"", Repair.ESCAPES),
                arguments("{\\\"tags\\\": [\\\"ai\\\"]}", "{\"tags\":[\"ai\"]}", Repair.ESCAPED_JSON),
                arguments("\\\"hello \\\\\"world\\\\\"\\\"", "\"hello \\\"world\\\"\"", Repair.ESCAPED_JSON),
                arguments("[\"line\none\"]", "[\"line\\none\"]", null));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void repairsEscapesAndStringifiedJson(String input, String expected, Repair repair) {
        check(input, expected, repair);
    }

    static Stream<Arguments> specialWhitespace() {
        return Stream.of(
                arguments("{\"a\":\u00a0\"foo\u00a0bar\"}", "{\"a\":\"foo\u00a0bar\"}"),
                arguments("{\"a\":\u2002\"foo\"}", "{\"a\":\"foo\"}"),
                arguments("\ufeff{\"a\":\u3000\"foo\"}", "{\"a\":\"foo\"}"));
    }

    @ParameterizedTest
    @MethodSource("specialWhitespace")
    void readsUnicodeSpacesAsSpaces(String input, String expected) {
        check(input, expected, Repair.SPECIAL_WHITESPACE);
    }

    static Stream<Arguments> fences() {
        return Stream.of(
                arguments("```json\n{\"tags\":[\"ai\"]}\n```", "{\"tags\":[\"ai\"]}"),
                arguments("```{\"a\":\"b\"}```", "{\"a\":\"b\"}"),
                arguments("Here is the JSON: ```json { 'a': 'b' } ``` hope it helps", "{\"a\":\"b\"}"),
                arguments("{\"key\": \"value}```", "{\"key\":\"value\"}"));
    }

    @ParameterizedTest
    @MethodSource("fences")
    void dropsCodeFences(String input, String expected) {
        check(input, expected, Repair.CODE_FENCE);
    }

    static Stream<Arguments> concatenated() {
        return Stream.of(
                arguments("{\"a\":1}\n{\"b\":2}", "[{\"a\":1},{\"b\":2}]"),
                arguments("1,2,3,", "[1,2,3]"),
                arguments("a\nb", "[\"a\",\"b\"]"),
                arguments("[]{\"key\":\"value\"}", "{\"key\":\"value\"}"),
                // side by side on one line, nothing between them: the last value wins (as for [] {} above)
                arguments("{\"a\":1} {\"b\":2}", "{\"b\":2}"),
                arguments("{\"a\":1},{\"b\":2}", "[{\"a\":1},{\"b\":2}]"),
                arguments("/* 1 */\n{},\n/* 2 */\n{}\n", "[{},{}]"));
    }

    @ParameterizedTest
    @MethodSource("concatenated")
    void collectsSeveralTopLevelValues(String input, String expected) {
        check(input, expected, Repair.CONCATENATED);
    }

    static Stream<Arguments> stringConcat() {
        return Stream.of(
                arguments("\"hello\" + \" world\"", "\"hello world\""),
                arguments("{\"g\": 'a' +\n 'b' + /* c */ \"c\"}", "{\"g\":\"abc\"}"),
                arguments("[\"hello +]", "[\"hello\"]"));
    }

    @ParameterizedTest
    @MethodSource("stringConcat")
    void joinsConcatenatedStrings(String input, String expected) {
        check(input, expected, Repair.STRING_CONCAT);
    }

    static Stream<Arguments> ellipsis() {
        return Stream.of(
                arguments("[1,2,3,...]", "[1,2,3]"),
                arguments("{\"a\":2, ... }", "{\"a\":2}"),
                arguments("[...,7]", "[7]"));
    }

    @ParameterizedTest
    @MethodSource("ellipsis")
    void dropsEllipsisPlaceholders(String input, String expected) {
        check(input, expected, Repair.ELLIPSIS);
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(
                arguments("callback_123({\"a\":1});", "{\"a\":1}"),
                arguments("{\"_id\": ObjectId(\"5f1\"), \"n\": NumberLong(\"2\")}", "{\"_id\":\"5f1\",\"n\":\"2\"}"),
                arguments("/* c */ cb ( [1] )", "[1]"));
    }

    @ParameterizedTest
    @MethodSource("wrappers")
    void unwrapsJsonpAndMongoTypes(String input, String expected) {
        check(input, expected, Repair.FUNCTION_WRAPPER);
    }

    static Stream<Arguments> otherLiterals() {
        return Stream.of(
                arguments("{\"a\": undefined}", "{\"a\": null}", Repair.UNDEFINED),
                arguments("{regex: /[a-z]+_/}", "{\"regex\": \"/[a-z]+_/\"}", Repair.REGEX),
                arguments("{\"a\": true, COMMENT \"b\": 2}", "{\"a\": true, \"b\": 2}", Repair.STRAY_TEXT));
    }

    @ParameterizedTest
    @MethodSource("otherLiterals")
    void readsUndefinedRegexesAndStrayWords(String input, String expected, Repair repair) {
        check(input, expected, repair);
    }

    static Stream<Arguments> noJson() {
        return Stream.of(
                arguments("", "no JSON value in a blank text of 0 characters"),
                arguments(" \n\t", "no JSON value in a blank text of 3 characters"),
                arguments("{\"a\",", "colon expected after the member name at offset 1"),
                arguments("{:2}", "member name expected before the colon at offset 1"),
                arguments("{\"a\":2}foo", "unexpected character 'f' at offset 7 after a complete value"),
                arguments("\"\\uZ000\"", "invalid unicode escape at offset 1"),
                arguments("\"abc\u0000\"", "control character U+0000 inside a string at offset 4"));
    }

    @ParameterizedTest
    @MethodSource("noJson")
    void throwsNoJsonNamingTheProblem(String input, String message) {
        assertThatThrownBy(() -> JsonRepair.repair(input))
                .isInstanceOf(RepairException.class)
                .isInstanceOf(TaggerException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((RepairException) e).reason())
                .isEqualTo(Reason.NO_JSON);
    }

    @Test
    void throwsTooDeepPastTheNestingBoundWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> JsonRepair.repair(deep))
                .isInstanceOf(RepairException.class)
                .hasMessage("nesting deeper than the limit of 512 at offset 512")
                .extracting(e -> ((RepairException) e).reason())
                .isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void acceptsNestingUpToTheBound() {
        String ok = "[".repeat(NearJsonParser.MAX_DEPTH) + "]".repeat(NearJsonParser.MAX_DEPTH);
        assertThat(JsonRepair.repair(ok).isArray()).isTrue();
    }

    @Test
    void throwsTooLongPastTheLengthBound() {
        String huge = " ".repeat(NearJsonParser.MAX_LENGTH + 1);
        assertThatThrownBy(() -> JsonRepair.repair(huge))
                .isInstanceOf(RepairException.class)
                .hasMessage("text of 10485761 characters is longer than the limit of 10485760")
                .extracting(e -> ((RepairException) e).reason())
                .isEqualTo(Reason.TOO_LONG);
    }

    @Test
    void reportsEachRepairOnceInTheOrderMet() {
        Repaired r = JsonRepair.repairWithReport("{'tags': ['ai', 'ml',], 'ok': True, 'x': ['a',],}");
        assertThat(r.repairs()).containsExactly(Repair.SINGLE_QUOTES, Repair.TRAILING_COMMA, Repair.PYTHON_LITERALS);
    }

    @Test
    void readsNumbersAsJacksonDoesButNeverAsInfinity() throws Exception {
        for (String n : new String[] {"2222222222222222222", "-9223372036854775808", "12345678901234567890", "1.5", "2e3"}) {
            assertThat(JsonRepair.repair(n)).as(n).isEqualTo(MAPPER.readTree(n));
        }
        assertThat(JsonRepair.repair("1e400").decimalValue()).isEqualByComparingTo("1e400");
        assertThat(JsonRepair.repair("1e11111111111111111111").textValue()).isEqualTo("1e11111111111111111111");
        String digits = "9".repeat(NearJsonParser.MAX_NUMBER_LENGTH + 1);
        assertThat(JsonRepair.repair(digits).textValue()).isEqualTo(digits);
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> JsonRepair.repair(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
