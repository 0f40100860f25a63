package dev.tagger.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * A token estimator with no tokenizer behind it, for when no real one is at hand: it counts runs of
 * ASCII letters and digits as one token per 3 characters, every ASCII punctuation mark and every run
 * of line breaks as one token, and every other character (CJK, accents, emoji) as two. Real BPE
 * tokenizers (cl100k, DeepSeek's, Llama's) merge far more, so this <em>overestimates</em>: measured
 * against {@code OpenAiTokenCountEstimator} (cl100k) it stays above, by about a fifth to a half on
 * READMEs, which the prompt budget pays in document text rather than in a context overflow.
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
        double tokens = 0;
        int run = 0;
        boolean newlines = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                run++;
                newlines = false;
                continue;
            }
            tokens += Math.ceil(run / 3.0);
            run = 0;
            if (cp == '\n' || cp == '\r') {
                if (!newlines) {
                    tokens++;
                }
                newlines = true;
                continue;
            }
            newlines = false;
            if (cp == ' ' || cp == '\t') {
                continue; // BPE tokenizers glue a space to the word after it
            }
            tokens += cp < 128 ? 1 : 2;
        }
        tokens += Math.ceil(run / 3.0);
        return (int) tokens;
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
