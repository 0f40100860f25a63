package dev.tagger;

/** How {@link TagResult#toJson(OutputFormat)} writes tags. */
public enum OutputFormat {
    /** {@code "tags":["ai","benchmark"]}: names exactly as given. */
    NAMES,
    /** {@code "tags":[17,60]}: ids in the kind they were given (numbers stay numbers). */
    IDS,
    /** {@code "tags":[{"id":17,"name":"ai"}]}. */
    OBJECTS
}
