package dev.tagger.repair;

/**
 * A named fix the repairer (or the reply reader in front of it) applied to near-JSON. Each constant
 * shows a typical input and what it becomes; {@link Repaired#repairs()} lists the fixes applied to one
 * text, each once, in the order first met.
 */
public enum Repair {
    /** A trailing, leading or doubled comma dropped: {@code ["ai","3d",]} -> {@code ["ai","3d"]}. */
    TRAILING_COMMA,
    /** Single quotes turned into double quotes: {@code {'tags':['ai']}} -> {@code {"tags":["ai"]}}. */
    SINGLE_QUOTES,
    /** Curly quotes, backticks and the like used as quotes: {@code {“tags”:[“ai”]}} -> {@code {"tags":["ai"]}}. */
    SMART_QUOTES,
    /** A member name without quotes: {@code {tags:["ai"]}} -> {@code {"tags":["ai"]}}. */
    UNQUOTED_KEY,
    /** A string value without quotes: {@code {"tags":[ai, 3d]}} -> {@code {"tags":["ai","3d"]}}. */
    UNQUOTED_STRING,
    /** A string missing its start or end quote: {@code {"tags":["ai,"3d"]}} -> {@code {"tags":["ai","3d"]}}. */
    MISSING_QUOTE,
    /** A quote inside a string that is not escaped: {@code "a 24" screen"} -> {@code "a 24\" screen"}. */
    UNESCAPED_QUOTE,
    /** A comma added between values or members: {@code ["ai" "3d"]} -> {@code ["ai","3d"]}. */
    MISSING_COMMA,
    /** A colon added between a member name and its value: {@code {"tags" ["ai"]}} -> {@code {"tags":["ai"]}}. */
    MISSING_COLON,
    /** A member without a value given {@code null}: {@code {"id":,"tags":[]}} -> {@code {"id":null,"tags":[]}}. */
    MISSING_VALUE,
    /** A missing, extra or wrong closing bracket: {@code {"tags":["ai"}} -> {@code {"tags":["ai"]}}. */
    BRACKETS,
    /** Text that stops early, closed: {@code ["ai","3d} -> {@code ["ai","3d"]}: open strings and brackets closed. */
    TRUNCATED,
    /** Comments dropped: {@code {"tags":["ai"] // best}} -> {@code {"tags":["ai"]}}; also block comments and {@code #} lines. */
    COMMENTS,
    /** Python literals and tuples: {@code {"ok":True,"t":(1,2)}} -> {@code {"ok":true,"t":[1,2]}}; also {@code None}. */
    PYTHON_LITERALS,
    /** JavaScript {@code undefined} turned into {@code null}: {@code [undefined]} -> {@code [null]}. */
    UNDEFINED,
    /**
     * An odd number made valid or kept as text: {@code .5} -> {@code 0.5}, {@code 2.} -> {@code 2.0},
     * {@code 0789} -> {@code "0789"}, {@code 1.1.1} -> {@code "1.1.1"}.
     */
    NUMBERS,
    /** An invalid escape dropped: {@code "\a"} -> {@code "a"}; a unicode escape cut short by the end of the text is dropped. */
    ESCAPES,
    /** An escaped (stringified) document read as JSON: {@code {\"tags\":[\"ai\"]}} -> {@code {"tags":["ai"]}}. */
    ESCAPED_JSON,
    /** Non-breaking and other Unicode spaces between tokens read as spaces: U+00A0 before a value is skipped like a space. */
    SPECIAL_WHITESPACE,
    /** A markdown code fence dropped: {@code ```json\n{"tags":[]}\n```} -> {@code {"tags":[]}}. */
    CODE_FENCE,
    /** Concatenated strings joined: {@code "a" + "b"} -> {@code "ab"}. */
    STRING_CONCAT,
    /** An ellipsis placeholder dropped: {@code [1,2,...]} -> {@code [1,2]}. */
    ELLIPSIS,
    /**
     * A JSONP wrapper or MongoDB shell type unwrapped: {@code callback({"a":1});} -> {@code {"a":1}},
     * {@code NumberLong("2")} -> {@code "2"}.
     */
    FUNCTION_WRAPPER,
    /** A regular expression literal kept as a string: {@code /[a-z]+/} -> {@code "/[a-z]+/"}. */
    REGEX,
    /** Several top-level values made into an array: {@code {"a":1}\n{"b":2}} -> {@code [{"a":1},{"b":2}]}. */
    CONCATENATED,
    /** Stray text between values dropped: {@code {"a":1, COMMENT "b":2}} -> {@code {"a":1,"b":2}}. */
    STRAY_TEXT,
    /** A {@code <think>…</think>} block dropped from a reply: {@code <think>…</think>{"tags":[]}} -> {@code {"tags":[]}}. */
    THINK_BLOCK,
    /** The answer taken from the last {@code \boxed{…}}: {@code so \boxed{ai, 3d}} -> {@code ["ai","3d"]}. */
    BOXED,
    /** Prose around the answer dropped: {@code Here you go: {"tags":["ai"]} Enjoy} -> {@code {"tags":["ai"]}}. */
    PROSE,
    /** Anything else the lenient reader accepted. */
    OTHER
}
