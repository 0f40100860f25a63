package dev.tagger.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * A token estimator with no tokenizer behind it, for when no real one is at hand. It splits ASCII
 * words into pieces the way BPE vocabularies do (a digit run; a capital and the lower case after it; a
 * lower-case run; a capital run) and counts a letter piece as one token per 4 characters and a digit
 * piece as one per 3; a run of ASCII punctuation as one token per 2 marks; a run of line breaks as one
 * token; spaces as nothing (BPE glues them to the next word); every other character (CJK, accents,
 * emoji) as two.
 *
 * <p>Measured against {@code OpenAiTokenCountEstimator} (cl100k) it <em>overestimates</em> ordinary
 * text: READMEs by 1.3–1.45×, a Chinese README by 1.65×, a JSON tag list by 1.1×, URLs by 1.1×. The
 * prompt budget pays for that in document text, not in a context overflow. Random strings (base64,
 * hex hashes) are the exception: they come out at 0.8–1.0× of cl100k, which the budget's safety
 * margin absorbs when such strings are a small part of a document.
 *
 * <p>Adapters that know their model's tokenizer should pass a real {@link TokenCountEstimator}
 * (LangChain4j's {@code OpenAiTokenCountEstimator} or {@code HuggingFaceTokenCountEstimator}).
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class ConservativeTokenCountEstimator implements TokenCountEstimator {

    private static final ConservativeTokenCountEstimator INSTANCE = new ConservativeTokenCountEstimator();
    /** Tokens a chat message costs beyond its text (role and separators), as OpenAI counts them. */
    static final int PER_MESSAGE = 4;
    /** Tokens that prime the reply after the last message. */
    static final int PER_REPLY = 3;

    private ConservativeTokenCountEstimator() {
    }

    /** @return the estimator */
    public static ConservativeTokenCountEstimator instance() {
        return INSTANCE;
    }

    @Override
    public int estimateTokenCountInText(String text) {
        int tokens = 0;
        int punctuation = 0;
        boolean newlines = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch < 128 && Character.isLetterOrDigit(ch)) {
                tokens += (punctuation + 1) / 2;
                punctuation = 0;
                newlines = false;
                int start = i;
                int kind = kind(ch);
                i++;
                if (kind == UPPER && i < text.length() && kind(text.charAt(i)) == LOWER) {
                    kind = LOWER; // "Word": a capital and the lower case after it are one piece
                }
                while (i < text.length() && kind(text.charAt(i)) == kind) {
                    i++;
                }
                int length = i - start;
                tokens += kind == DIGIT ? (length + 2) / 3 : (length + 3) / 4;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && cp != '\n' && cp != '\r' && cp != ' ' && cp != '\t') {
                punctuation++;
                newlines = false;
                continue;
            }
            tokens += (punctuation + 1) / 2;
            punctuation = 0;
            if (cp == '\n' || cp == '\r') {
                if (!newlines) {
                    tokens++;
                }
                newlines = true;
                continue;
            }
            newlines = false;
            if (cp != ' ' && cp != '\t') {
                tokens += 2;
            }
        }
        return tokens + (punctuation + 1) / 2;
    }

    private static final int DIGIT = 0;
    private static final int UPPER = 1;
    private static final int LOWER = 2;
    private static final int OTHER = 3;

    private static int kind(char c) {
        if (c >= '0' && c <= '9') {
            return DIGIT;
        }
        if (c >= 'A' && c <= 'Z') {
            return UPPER;
        }
        if (c >= 'a' && c <= 'z') {
            return LOWER;
        }
        return OTHER;
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return PER_MESSAGE + estimateTokenCountInText(text(message));
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int n = PER_REPLY;
        for (ChatMessage m : messages) {
            n += estimateTokenCountInMessage(m);
        }
        return n;
    }

    private static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText() : u.contents().toString();
        }
        if (m instanceof AiMessage a) {
            return a.text() == null ? "" : a.text();
        }
        return m.toString();
    }

    @Override
    public String toString() {
        return "ConservativeTokenCountEstimator";
    }
}
