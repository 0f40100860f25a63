package dev.tagger;

/** How a result came about. */
public enum Status {
    /** The first backend's first answer was clean JSON whose every label named a tag of the set. */
    OK,
    /** The first backend answered, but the reply needed repair, a re-ask, or dropping of labels. */
    REPAIRED,
    /** A later backend of the chain answered after the earlier ones failed. */
    FALLBACK,
    /** No backend gave a usable answer; the result has no tags and the diagnostics say why. */
    FAILED
}
