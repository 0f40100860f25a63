package dev.tagger.repair;

/** A named fix the repairer applies to near-JSON. */
public enum Repair {
    /** {@code ["ai","3d",]} -> {@code ["ai","3d"]}. */
    TRAILING_COMMA,
    /** {@code {'tags':['ai']}} -> {@code {"tags":["ai"]}}. */
    SINGLE_QUOTES,
    /** {@code {"tags":["ai"} } -> closed brackets at the end. */
    TRUNCATED,
    /** Anything else the lenient reader accepted. */
    OTHER
}
