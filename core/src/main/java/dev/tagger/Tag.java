package dev.tagger;

import java.util.Objects;

/**
 * One tag of a caller's list.
 *
 * <p>The name is kept exactly as given, including odd spacing such as the trailing space of
 * {@code "game-engine "}; matching goes through {@link #key()}, a normalised form. The id keeps the
 * kind it was given in, so a result written with ids writes {@code 77} as a number and {@code "a7"}
 * as a string.
 *
 * @param id the caller's id (for a list of plain names, the name itself); not null, not empty
 * @param name the name exactly as given; not null, not blank
 * @param description a phrase saying what the tag means, used by backends that can; empty if none
 * @param numericId whether the id was given as a JSON number
 */
public record Tag(String id, String name, String description, boolean numericId) {

    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET, "tag name is blank (id '" + id + "')");
        }
        if (id.isEmpty()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET, "tag '" + name + "' has an empty id");
        }
        if (numericId && !isInteger(id)) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag '" + name + "' has numeric id '" + id + "' that is not an integer");
        }
    }

    /** A tag known by its name only: the name is its id too. */
    public static Tag named(String name) {
        return new Tag(name, name, "", false);
    }

    /** A tag with a numeric id, as in {@code {"id":77,"name":"3d"}}. */
    public static Tag of(long id, String name) {
        return new Tag(Long.toString(id), name, "", true);
    }

    /** A tag with a string id, as in {@code {"id":"a7","name":"3d"}}. */
    public static Tag of(String id, String name) {
        return new Tag(id, name, "", false);
    }

    /** @return this tag with the given description */
    public Tag withDescription(String description) {
        return new Tag(id, name, description, numericId);
    }

    /**
     * The normalised matching key: Unicode-compatibility folded, lower case, trimmed, and runs of
     * spaces, underscores and hyphens turned into one hyphen. {@code "Game Engine"} and
     * {@code "game-engine "} share the key {@code game-engine}.
     */
    public String key() {
        return normalise(name);
    }

    /** The normalisation behind {@link #key()}, for any label. */
    public static String normalise(String label) {
        String s = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFKC)
                .toLowerCase(java.util.Locale.ROOT).strip();
        StringBuilder out = new StringBuilder(s.length());
        boolean sep = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '_' || c == '-' || Character.isWhitespace(c)) {
                sep = true;
            } else {
                if (sep && out.length() > 0) {
                    out.append('-');
                }
                sep = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
