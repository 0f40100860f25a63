package dev.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Tagger's configuration: one immutable set of {@code tagger.*} keys, each remembering where its value
 * came from, so that an error can say {@code tagger.max-tags='abc' (env TAGGER_MAX_TAGS) is not an integer}.
 *
 * <p>{@link #load()} layers, later winning: built-in defaults &lt; {@code tagger.properties} on the
 * class path &lt; a file given to {@link #load(Path)} &lt; environment variables
 * ({@code TAGGER_OLLAMA_BASE_URL} for {@code tagger.ollama.base-url}) &lt; system properties &lt;
 * {@link Builder} calls. Keys match whatever their case and whether words are split by {@code .},
 * {@code -} or {@code _}.
 *
 * <p>Keys read by the core: {@code tagger.backend}, {@code tagger.fallback}, {@code tagger.max-tags},
 * {@code tagger.profile}, {@code tagger.context-tokens}, {@code tagger.answer-tokens},
 * {@code tagger.max-reasks}, {@code tagger.max-attempts}, {@code tagger.timeout},
 * {@code tagger.deadline}. Adapters read their own ({@code tagger.ollama.*}, {@code tagger.openai.*}).
 *
 * <p>{@link #toString()} redacts keys that hold secrets ({@code *.api-key}, {@code *.secret},
 * {@code *.password}, {@code *.token}). Immutable; safe for use by many threads at once.
 */
public final class TaggerConfig {

    /** Key: the backend that answers first. */
    public static final String BACKEND = "tagger.backend";
    /** Key: comma-separated chain of backends; when set, it replaces {@link #BACKEND} as the chain. */
    public static final String FALLBACK = "tagger.fallback";
    /** Key: the most tags per document. */
    public static final String MAX_TAGS = "tagger.max-tags";
    /** Key: the prompt profile of language-model backends ({@code json}, {@code deepseek-math}, …). */
    public static final String PROFILE = "tagger.profile";
    /** Key: the model's context window in tokens. */
    public static final String CONTEXT_TOKENS = "tagger.context-tokens";
    /** Key: the tokens kept free for the model's answer. */
    public static final String ANSWER_TOKENS = "tagger.answer-tokens";
    /** Key: how many corrective re-asks a backend gets after an unusable answer. */
    public static final String MAX_REASKS = "tagger.max-reasks";
    /** Key: transport attempts per call, the first included. */
    public static final String MAX_ATTEMPTS = "tagger.max-attempts";
    /** Key: the timeout of one call to a model, ISO-8601 ({@code PT30S}) or seconds ({@code 30}). */
    public static final String TIMEOUT = "tagger.timeout";
    /** Key: the bound on all attempts for one document, ISO-8601 or seconds. */
    public static final String DEADLINE = "tagger.deadline";

    private static final Map<String, String> DEFAULTS = Map.of(
            BACKEND, "embedded",
            MAX_TAGS, "3",
            CONTEXT_TOKENS, "4096",
            ANSWER_TOKENS, "768",
            MAX_REASKS, "1",
            MAX_ATTEMPTS, "3",
            TIMEOUT, "PT60S",
            DEADLINE, "PT180S");

    private final Map<String, Setting> settings; // canonical key -> setting

    private TaggerConfig(Map<String, Setting> settings) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * A value and the place it came from. {@link #toString()} and {@link #describe()} redact secrets.
     */
    public record Setting(String key, String value, String source) {
        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }

        /** @return {@code key='value' (source)}, the value shown as {@code ****} for secrets: for error messages */
        public String describe() {
            return key + "='" + (isSecret(key) ? redact(value) : value) + "' (" + source + ")";
        }

        /** @return whether the value is the built-in default rather than set by the caller */
        public boolean isDefault() {
            return source.equals(DEFAULT_SOURCE);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static final String DEFAULT_SOURCE = "default";

    /** The built-in defaults only. */
    public static TaggerConfig defaults() {
        Map<String, Setting> m = new LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> put(m, k, v, DEFAULT_SOURCE));
        return new TaggerConfig(m);
    }

    /** Defaults, {@code tagger.properties} on the class path, environment and system properties. */
    public static TaggerConfig load() {
        return load(null, System.getenv(), System.getProperties());
    }

    /** As {@link #load()}, with a properties file between the class path and the environment. */
    public static TaggerConfig load(Path file) {
        return load(Objects.requireNonNull(file, "file"), System.getenv(), System.getProperties());
    }

    /** As {@link #load(Path)} with the given environment and system properties; for tests. */
    static TaggerConfig load(Path file, Map<String, String> env, Properties system) {
        Map<String, Setting> m = new LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> put(m, k, v, DEFAULT_SOURCE));
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = TaggerConfig.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream("tagger.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                putAll(m, p, "classpath tagger.properties");
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read tagger.properties from the class path: " + e.getMessage());
        }
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration file " + file + ": "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            }
            putAll(m, p, "file " + file);
        }
        env.forEach((k, v) -> {
            if (k.startsWith("TAGGER_")) {
                put(m, k.toLowerCase(Locale.ROOT).replace('_', '.'), v, "env " + k);
            }
        });
        for (String k : system.stringPropertyNames()) {
            if (canonical(k).startsWith("tagger.")) {
                put(m, k, system.getProperty(k), "system property " + k);
            }
        }
        TaggerConfig cfg = new TaggerConfig(m);
        cfg.validate();
        return cfg;
    }

    private static void putAll(Map<String, Setting> m, Properties p, String source) {
        for (String k : p.stringPropertyNames()) {
            put(m, k, p.getProperty(k), source);
        }
    }

    private static void put(Map<String, Setting> m, String key, String value, String source) {
        String canon = canonical(key);
        Setting prev = m.get(canon);
        // keep the spelling of the key as first documented (defaults, files) for messages
        String shown = prev != null && prev.isDefault() ? prev.key() : key;
        m.put(canon, new Setting(shown, value.strip(), source));
    }

    /** The form keys are compared in: lower case, words split by dots only. */
    static String canonical(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(settings));
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    // ---- lookups ----

    /** @return the value of a key, if set */
    public Optional<String> get(String key) {
        Setting s = settings.get(canonical(key));
        return s == null || s.value().isEmpty() ? Optional.empty() : Optional.of(s.value());
    }

    /** @return the value and its source, if set */
    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(canonical(key)));
    }

    /**
     * @return the value of a key
     * @throws ConfigException naming the key when it is not set
     */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigException(key + " is not set (set it in tagger.properties, as env "
                + envName(key) + " or as -D" + key + "=…)"));
    }

    /** @throws ConfigException naming key, source and value when the value is not an integer in range */
    public int getInt(String key, int min, int max) {
        Setting s = settingOrThrow(key);
        int v;
        try {
            v = Integer.parseInt(s.value());
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(s) + " is not an integer");
        }
        if (v < min || v > max) {
            throw new ConfigException(describe(s) + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    /** @return an integer value, or the fallback when the key is not set */
    public int getInt(String key, int min, int max, int fallback) {
        return get(key).isPresent() ? getInt(key, min, max) : fallback;
    }

    /**
     * @return a decimal value in {@code [min, max]}, or the fallback when the key is not set
     * @throws ConfigException naming key, source and value when the value is not a number in range
     */
    public double getDouble(String key, double min, double max, double fallback) {
        if (get(key).isEmpty()) {
            return fallback;
        }
        Setting s = settingOrThrow(key);
        double v;
        try {
            v = Double.parseDouble(s.value());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.describe() + " is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new ConfigException(s.describe() + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    /** @throws ConfigException when the value is neither ISO-8601 ({@code PT30S}) nor a number of seconds */
    public Duration getDuration(String key) {
        Setting s = settingOrThrow(key);
        String v = s.value();
        try {
            Duration d = v.matches("\\d+(\\.\\d+)?")
                    ? Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000))
                    : Duration.parse(v.toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new ConfigException(describe(s) + " is negative");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigException(describe(s) + " is not a duration (use seconds, such as 30, or ISO-8601, such as PT30S)");
        }
    }

    /** @return a duration value, or the fallback when the key is not set */
    public Duration getDuration(String key, Duration fallback) {
        return get(key).isPresent() ? getDuration(key) : fallback;
    }

    /** @return whether a boolean key is true ({@code true/false/yes/no/on/off/1/0}); the fallback when unset */
    public boolean getBoolean(String key, boolean fallback) {
        Optional<Setting> o = setting(key);
        if (o.isEmpty() || o.get().value().isEmpty()) {
            return fallback;
        }
        return switch (o.get().value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(describe(o.get()) + " is not a boolean (true or false)");
        };
    }

    private Setting settingOrThrow(String key) {
        return setting(key).orElseThrow(() -> new ConfigException(key + " is not set"));
    }

    /** {@code key='value' (source)}, the value redacted for secrets. */
    static String describe(Setting s) {
        return s.describe();
    }

    /** Whether a key names a secret, whose value is never printed. */
    public static boolean isSecret(String key) {
        String c = canonical(key);
        return c.endsWith(".apikey") || c.endsWith(".secret") || c.endsWith(".password")
                || c.endsWith(".token") || c.endsWith(".key");
    }

    private static String redact(String value) {
        return value.isEmpty() ? "" : "****";
    }

    /** The environment variable for a key: {@code tagger.ollama.base-url} -> {@code TAGGER_OLLAMA_BASE_URL}. */
    public static String envName(String key) {
        return canonical(key).replace('.', '_').toUpperCase(Locale.ROOT);
    }

    // ---- typed core keys ----

    /** @return the backend chain: {@code tagger.fallback} when set, else {@code tagger.backend} alone */
    public List<String> chain() {
        Optional<String> fb = get(FALLBACK);
        List<String> out = new ArrayList<>();
        if (fb.isPresent()) {
            Arrays.stream(fb.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT)).forEach(out::add);
            String first = get(BACKEND).map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
            // tagger.backend=ollama with tagger.fallback=embedded means ollama, then embedded
            if (!first.isEmpty() && !out.contains(first) && setting(BACKEND).map(s -> !s.isDefault()).orElse(false)) {
                out.add(0, first);
            }
        } else {
            out.add(require(BACKEND).strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** @return {@code tagger.max-tags}, 1 to 100 */
    public int maxTags() {
        return getInt(MAX_TAGS, 1, 100);
    }

    /** @return {@code tagger.profile}, if set */
    public Optional<String> profile() {
        return get(PROFILE);
    }

    /** @return every setting, keyed by canonical key; secrets included, so never print this map */
    public Map<String, Setting> settings() {
        return settings;
    }

    private void validate() {
        maxTags();
        getInt(CONTEXT_TOKENS, 256, 10_000_000);
        getInt(ANSWER_TOKENS, 16, 1_000_000);
        getInt(MAX_REASKS, 0, 10);
        getInt(MAX_ATTEMPTS, 1, 20);
        getDuration(TIMEOUT);
        getDuration(DEADLINE);
        if (chain().isEmpty()) {
            throw new ConfigException(describe(setting(FALLBACK).orElseThrow()) + " names no backend");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggerConfig c && settings.equals(c.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    /** Lists keys and values with their sources; secret values are shown as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TaggerConfig{");
        String sep = "";
        for (Setting s : settings.values()) {
            sb.append(sep).append(describe(s));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /** Sets keys on top of a configuration; each {@link #build()} returns a new, validated object. */
    public static final class Builder {
        private final Map<String, Setting> settings;

        private Builder(Map<String, Setting> settings) {
            this.settings = settings;
        }

        /** Sets any key. */
        public Builder set(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            put(settings, key, value, "builder");
            return this;
        }

        /** Sets {@code tagger.backend}. */
        public Builder backend(String name) {
            return set(BACKEND, name);
        }

        /** Sets {@code tagger.fallback}: the chain of backends tried in order. */
        public Builder fallback(String... names) {
            return set(FALLBACK, String.join(",", names));
        }

        /** Sets {@code tagger.max-tags}. */
        public Builder maxTags(int max) {
            return set(MAX_TAGS, Integer.toString(max));
        }

        /** Sets {@code tagger.profile}. */
        public Builder profile(String profile) {
            return set(PROFILE, profile);
        }

        /** Sets each entry as a key. */
        public Builder setAll(Map<String, String> values) {
            values.forEach(this::set);
            return this;
        }

        /**
         * @return a new configuration
         * @throws ConfigException naming key, source and value of the first invalid setting
         */
        public TaggerConfig build() {
            TaggerConfig cfg = new TaggerConfig(new LinkedHashMap<>(settings));
            cfg.validate();
            return cfg;
        }
    }
}
