package dev.tagger;

/**
 * A configuration value that cannot be used. The message names the key, where the value came from
 * and the value itself (secrets redacted), for example
 * {@code tagger.max-tags='abc' (env TAGGER_MAX_TAGS) is not an integer}.
 */
public final class ConfigException extends TaggerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason {@link Reason#INVALID_CONFIG} or {@link Reason#UNKNOWN_BACKEND}
     * @param message names key, source and value
     */
    public ConfigException(Reason reason, String message) {
        super(reason, "", message, null);
    }

    /** An {@link Reason#INVALID_CONFIG} exception. */
    public ConfigException(String message) {
        this(Reason.INVALID_CONFIG, message);
    }
}
