package dev.tagger.backend;

import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads and checks the settings every backend behind a server has: its base URL and the timeout of
 * one call. The adapters name their own keys and defaults.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class RemoteSettings {

    private RemoteSettings() {
    }

    /**
     * The base URL under {@code key}, else {@code defaultUrl}: stripped of white space and trailing
     * slashes.
     *
     * @param config the configuration to read
     * @param key the adapter's key, such as {@code tagger.ollama.base-url}
     * @param defaultUrl the URL when the key is not set
     * @param examples what a valid value looks like, for the error message (such as the default)
     * @return an absolute http or https URL with a host
     * @throws ConfigException naming the key and the value when it is not such a URL
     */
    public static String baseUrl(TaggerConfig config, String key, String defaultUrl, String examples) {
        String url = config.get(key).orElse(defaultUrl).strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + "='" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key + "='" + url + "' is not an http or https URL (such as " + examples + ")");
        }
        return url.replaceAll("/+$", "");
    }

    /**
     * The timeout of one call, {@link TaggerConfig#TIMEOUT}.
     *
     * @param config the configuration to read
     * @return a positive duration
     * @throws ConfigException when it is zero (or not a duration)
     */
    public static Duration timeout(TaggerConfig config) {
        Duration timeout = config.getDuration(TaggerConfig.TIMEOUT);
        if (timeout.isZero()) {
            throw new ConfigException(TaggerConfig.TIMEOUT + " must be positive");
        }
        return timeout;
    }
}
