package dev.tagger.embedded;

import dev.tagger.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the embedded backend knows about common tag names, read once from two bundled resources:
 * {@code tag-phrasings.properties} (a descriptive phrase per normalised tag name, embedded instead of
 * the bare name, which embeds poorly) and {@code tag-terms.properties} (words whose mention in a
 * document is evidence for the tag). A caller's {@link Tag#description()} always wins over the
 * bundled phrase.
 *
 * <p>Immutable; safe for use by many threads at once.
 */
final class TagTexts {

    private static final TagTexts BUNDLED = new TagTexts(load("tag-phrasings.properties"), load("tag-terms.properties"));

    private final Map<String, String> phrasings;
    private final Map<String, List<String>> terms;

    TagTexts(Map<String, String> phrasings, Map<String, String> terms) {
        this.phrasings = Map.copyOf(phrasings);
        Map<String, List<String>> t = new LinkedHashMap<>();
        terms.forEach((k, v) -> {
            List<String> list = new ArrayList<>();
            for (String s : v.split(",")) {
                String term = s.strip().toLowerCase(java.util.Locale.ROOT);
                if (!term.isEmpty()) {
                    list.add(term);
                }
            }
            t.put(k, List.copyOf(list));
        });
        this.terms = Map.copyOf(t);
    }

    /** @return the phrasings and terms shipped with Tagger */
    static TagTexts bundled() {
        return BUNDLED;
    }

    /**
     * The text embedded for a tag: its name and the caller's description, else its name and the
     * bundled phrasing, else its name alone (hyphens read as spaces).
     */
    String textOf(Tag tag) {
        if (!tag.description().isBlank()) {
            return text(tag.key(), tag.description().strip());
        }
        String p = phrasings.get(tag.key());
        return p == null ? displayName(tag) : text(tag.key(), p);
    }

    /**
     * @return the text of each tag Tagger ships a phrasing for, by key, as {@link #textOf} gives it for
     *     a tag without a description: the neutral texts scores are calibrated against
     */
    Map<String, String> neutralTexts() {
        Map<String, String> out = new HashMap<>();
        phrasings.forEach((key, p) -> out.put(key, text(key, p)));
        return Map.copyOf(out);
    }

    /**
     * The words counted as evidence for a tag: for a tag without a caller's description, the bundled
     * terms of its name when there are any (they are the complete list: a name that is a common word,
     * such as {@code data}, is left out of it on purpose); otherwise its name, as written and with
     * hyphens read as spaces.
     */
    List<String> termsOf(Tag tag) {
        String key = tag.key();
        List<String> bundled = terms.get(key);
        if (tag.description().isBlank() && bundled != null && !bundled.isEmpty()) {
            return bundled;
        }
        List<String> out = new ArrayList<>();
        out.add(key);
        if (key.indexOf('-') >= 0) {
            out.add(key.replace('-', ' '));
        }
        return out;
    }

    static String displayName(Tag tag) {
        return tag.key().replace('-', ' ');
    }

    private static String text(String key, String phrase) {
        return key.replace('-', ' ') + ": " + phrase;
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = TagTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the tagger-embedded jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(Tag.normalise(k), p.getProperty(k).strip());
        }
        return out;
    }
}
