package dev.tagger.spi;

import dev.tagger.TaggerException;
import java.util.Objects;

/**
 * A model answered, but nothing usable came of the answer: no JSON in it, an empty {@code \boxed{}},
 * no {@code tags} list. Unlike a {@link BackendException} the call itself worked, so the reply and the
 * tokens it cost are kept for the result's diagnostics, and the core may re-ask with the reason.
 *
 * <p>The message says what was wrong with the reply; it never quotes the reply, which
 * {@link #rawReply()} holds.
 */
public final class UnusableReplyException extends TaggerException {

    private static final long serialVersionUID = 1L;

    private final String rawReply;
    private final transient TokenUsage usage;

    /**
     * @param reason why: {@code NO_JSON}, {@code TRUNCATED}, {@code TOO_DEEP}, {@code TOO_LONG} or
     *     {@code UNUSABLE_REPLY}
     * @param message what was wrong with the reply
     * @param rawReply the model's reply as received
     * @param usage the tokens the call used
     * @param cause the repairer's exception, may be null
     */
    public UnusableReplyException(Reason reason, String message, String rawReply, TokenUsage usage, Throwable cause) {
        super(reason, "", message, cause);
        this.rawReply = Objects.requireNonNull(rawReply, "rawReply");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    /** @return the model's reply as received */
    public String rawReply() {
        return rawReply;
    }

    /** @return the tokens the call used */
    public TokenUsage usage() {
        return usage == null ? TokenUsage.NONE : usage;
    }
}
