package dev.tagger;

import java.util.Objects;

/**
 * A document to tag. The id is opaque and echoed back unchanged in the result ({@code "7628"} stays
 * the string {@code "7628"}).
 *
 * <p>{@code toString()} shows the id and the text's length, never the text.
 *
 * @param id the caller's id; not null, may be empty
 * @param text the document text (markdown, HTML or plain); not null, not blank
 * @throws TaggerException {@link TaggerException.Reason#EMPTY_DOCUMENT} when the text is blank
 */
public record Document(String id, String text) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new TaggerException(TaggerException.Reason.EMPTY_DOCUMENT, id,
                    "document text is empty (" + text.length() + " characters, all blank)");
        }
    }

    @Override
    public String toString() {
        return "Document[id=" + id + ", text=" + text.length() + " chars]";
    }
}
