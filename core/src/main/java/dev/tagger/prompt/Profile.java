package dev.tagger.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A prompt profile: the templates, the chat shape and the decoding options for one family of models.
 * Profiles are plain files in the project's {@code prompts/} folder (packaged under
 * {@code dev/tagger/prompts/}): {@code NAME.profile} is a properties file naming its templates and
 * options, the templates are text rendered with LangChain4j's {@code PromptTemplate}.
 *
 * <p>Built-in profiles:
 * <ul>
 *   <li>{@value #JSON} (default): a system message, then the instruction, the allowed tag names and
 *       the exact output contract {@code {"id":"…","tags":[…]}}; the answer constrained by a JSON
 *       schema where the server supports one.</li>
 *   <li>{@value #DEEPSEEK_MATH}: DeepSeekMath-7B-instruct and -RL as their model card asks: no system
 *       message, a chain-of-thought prompt ending in <i>"Please reason step by step, and put your final
 *       answer within \boxed{}."</i>, a Chinese variant for Chinese documents, a 4,096-token context.</li>
 *   <li>{@value #COMPLETION}: base models (DeepSeekMath-7B-base) through completion endpoints: a
 *       few-shot prompt whose text ends inside the answer, {@code {"id":"7628","tags":[}, so the model
 *       only completes the array, with stop sequences {@code ]} and a newline.</li>
 * </ul>
 *
 * <p>Profile keys: {@code shape} ({@code chat} or {@code completion}), {@code system}, {@code user},
 * {@code correction} (template files; {@code user.zh}, {@code correction.zh} for a Chinese variant),
 * {@code answer-prefix} (a template the user text ends with), {@code json-schema} ({@code true} or
 * {@code false}), {@code temperature}, {@code seed}, {@code context-tokens}, {@code answer-tokens},
 * {@code stop} (a JSON array of strings).
 *
 * <p>Immutable; safe for use by many threads at once.
 */
public final class Profile {

    /** Name of the default profile: JSON instruction, optionally schema-constrained. */
    public static final String JSON = "json";
    /** Name of the DeepSeekMath chain-of-thought profile. */
    public static final String DEEPSEEK_MATH = "deepseek-math";
    /** Name of the few-shot completion profile for base models. */
    public static final String COMPLETION = "completion";

    private static final List<String> BUILT_IN = List.of(JSON, DEEPSEEK_MATH, COMPLETION);
    private static final String RESOURCE_DIR = "dev/tagger/prompts/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern WORD_SPLIT = Pattern.compile("[-_:/.\\s@]+");
    private static final Set<String> KNOWN_KEYS = Set.of("shape", "system", "user", "user.zh", "correction",
            "correction.zh", "answer-prefix", "json-schema", "temperature", "seed", "context-tokens",
            "answer-tokens", "stop", "description");

    /** How a profile's prompt is sent. */
    public enum Shape {
        /** Chat endpoints ({@code /api/chat}, {@code /v1/chat/completions}): messages in, a message out. */
        CHAT,
        /** Completion endpoints ({@code /api/generate} raw, {@code /v1/completions}): text in, text out. */
        COMPLETION
    }

    private final String name;
    private final Shape shape;
    private final String system;                       // "" when none
    private final Map<PromptLanguage, String> user;    // ENGLISH always, CHINESE optional
    private final Map<PromptLanguage, String> correction;
    private final String answerPrefix;                 // "" when none
    private final boolean jsonSchema;
    private final double temperature;
    private final int seed;
    private final int contextTokens;
    private final int answerTokens;
    private final List<String> stop;

    private Profile(String name, Shape shape, String system, Map<PromptLanguage, String> user,
                    Map<PromptLanguage, String> correction, String answerPrefix, boolean jsonSchema,
                    double temperature, int seed, int contextTokens, int answerTokens, List<String> stop) {
        this.name = name;
        this.shape = shape;
        this.system = system;
        this.user = Map.copyOf(user);
        this.correction = Map.copyOf(correction);
        this.answerPrefix = answerPrefix;
        this.jsonSchema = jsonSchema;
        this.temperature = temperature;
        this.seed = seed;
        this.contextTokens = contextTokens;
        this.answerTokens = answerTokens;
        this.stop = List.copyOf(stop);
    }

    /** @return the names of the built-in profiles */
    public static List<String> builtIns() {
        return BUILT_IN;
    }

    /** @return the default profile, {@value #JSON} */
    public static Profile json() {
        return named(JSON);
    }

    /**
     * A built-in profile by name, any case.
     *
     * @throws ConfigException naming the profile and listing the built-in ones
     */
    public static Profile named(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(n)) {
            throw new ConfigException("unknown prompt profile '" + name + "'; built-in profiles: "
                    + String.join(", ", BUILT_IN) + " (or a path to a .profile file)");
        }
        return Cache.BUILT_IN.get(n);
    }

    /**
     * Reads a profile from a {@code .profile} properties file; its templates are resolved against the
     * file's folder.
     *
     * @throws ConfigException naming the file and what is wrong with it
     */
    public static Profile load(Path file) {
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".profile") ? fileName.substring(0, fileName.length() - 8) : fileName;
        return parse(name, read(file), template -> read(dir.resolve(template)), file.toString());
    }

    /**
     * The profile for a model, from its name: DeepSeekMath instruct or RL models
     * ({@code deepseek-math-7b-instruct}, {@code deepseek-math:7b-rl}) get {@value #DEEPSEEK_MATH};
     * base models ({@code deepseek-math-7b-base}, {@code …:base}, {@code …-base-…}) get
     * {@value #COMPLETION}; anything else, and an empty name, gets {@value #JSON}.
     *
     * @param modelName the model's name as configured; may be empty
     */
    public static Profile forModel(String modelName) {
        return named(nameForModel(modelName));
    }

    static String nameForModel(String modelName) {
        String m = Objects.requireNonNull(modelName, "modelName").toLowerCase(Locale.ROOT);
        List<String> words = List.of(WORD_SPLIT.split(m));
        boolean base = words.contains("base");
        if (m.contains("deepseek-math") || m.contains("deepseekmath") || m.contains("deepseek_math")) {
            if (base) {
                return COMPLETION;
            }
            return DEEPSEEK_MATH; // instruct, rl and the untagged chat models follow the card's CoT format
        }
        return base ? COMPLETION : JSON;
    }

    /**
     * The profile configuration asks for: {@code tagger.profile} when set (a built-in name or a path to
     * a {@code .profile} file), else the one {@link #forModel} picks for the model name.
     *
     * @throws ConfigException naming the key, its source and value when the profile cannot be found
     */
    public static Profile resolve(TaggerConfig config, String modelName) {
        Objects.requireNonNull(config, "config");
        var setting = config.setting(TaggerConfig.PROFILE).filter(s -> !s.value().isEmpty());
        if (setting.isEmpty()) {
            return forModel(modelName);
        }
        String v = setting.get().value();
        try {
            if (v.endsWith(".profile") || v.contains("/") || v.contains("\\")) {
                return load(Path.of(v));
            }
            return named(v);
        } catch (ConfigException e) {
            throw new ConfigException(setting.get().describe() + ": " + e.getMessage());
        }
    }

    // ---- accessors ----

    /** @return the profile's name, such as {@code json} */
    public String name() {
        return name;
    }

    /** @return whether prompts go to chat or completion endpoints */
    public Shape shape() {
        return shape;
    }

    /** @return whether the prompt has a system message ({@code false} for DeepSeekMath and completion) */
    public boolean systemMessage() {
        return !system.isEmpty();
    }

    /** @return whether answers are constrained by a JSON schema where the server supports it */
    public boolean jsonSchema() {
        return jsonSchema;
    }

    /** @return the sampling temperature, 0 unless the profile says otherwise */
    public double temperature() {
        return temperature;
    }

    /** @return the sampling seed */
    public int seed() {
        return seed;
    }

    /** @return the model's context window this profile assumes, in tokens */
    public int contextTokens() {
        return contextTokens;
    }

    /** @return the tokens this profile keeps free for the answer */
    public int answerTokens() {
        return answerTokens;
    }

    /** @return the stop sequences; empty for none */
    public List<String> stopSequences() {
        return stop;
    }

    /** @return whether the profile has instructions in that language (English always) */
    public boolean supports(PromptLanguage language) {
        return user.containsKey(language);
    }

    /** @return this profile with constrained decoding turned on or off */
    public Profile withJsonSchema(boolean on) {
        return new Profile(name, shape, system, user, correction, answerPrefix, on, temperature, seed,
                contextTokens, answerTokens, stop);
    }

    // ---- package-private, for the builder ----

    String systemTemplate() {
        return system;
    }

    String userTemplate(PromptLanguage language) {
        return user.getOrDefault(language, user.get(PromptLanguage.ENGLISH));
    }

    String correctionTemplate(PromptLanguage language) {
        return correction.getOrDefault(language, correction.get(PromptLanguage.ENGLISH));
    }

    String answerPrefixTemplate() {
        return answerPrefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && name.equals(p.name) && shape == p.shape && system.equals(p.system)
                && user.equals(p.user) && correction.equals(p.correction) && answerPrefix.equals(p.answerPrefix)
                && jsonSchema == p.jsonSchema && temperature == p.temperature && seed == p.seed
                && contextTokens == p.contextTokens && answerTokens == p.answerTokens && stop.equals(p.stop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, shape, user, jsonSchema, contextTokens, answerTokens);
    }

    @Override
    public String toString() {
        return "Profile[" + name + ", " + shape + ", system=" + systemMessage() + ", schema=" + jsonSchema
                + ", context=" + contextTokens + ", answer=" + answerTokens + ", languages=" + user.keySet() + "]";
    }

    // ---- loading ----

    private static Profile builtIn(String name) {
        return parse(name, resource(name + ".profile"), Profile::resource, "built-in profile " + name);
    }

    private static Profile parse(String name, String text, Function<String, String> templates, String where) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        for (String k : p.stringPropertyNames()) {
            if (!KNOWN_KEYS.contains(k)) {
                throw new ConfigException(where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(KNOWN_KEYS) + ")");
            }
        }
        String shapeValue = p.getProperty("shape", "chat").strip().toLowerCase(Locale.ROOT);
        Shape shape = switch (shapeValue) {
            case "chat" -> Shape.CHAT;
            case "completion" -> Shape.COMPLETION;
            default -> throw new ConfigException(where + ": shape='" + shapeValue + "' is neither chat nor completion");
        };
        String userFile = p.getProperty("user", "").strip();
        if (userFile.isEmpty()) {
            throw new ConfigException(where + ": no 'user' template");
        }
        Map<PromptLanguage, String> user = new EnumMap<>(PromptLanguage.class);
        user.put(PromptLanguage.ENGLISH, templates.apply(userFile));
        Map<PromptLanguage, String> correction = new EnumMap<>(PromptLanguage.class);
        correction.put(PromptLanguage.ENGLISH, templates.apply(p.getProperty("correction", "correction.txt").strip()));
        String zh = p.getProperty("user.zh", "").strip();
        if (!zh.isEmpty()) {
            user.put(PromptLanguage.CHINESE, templates.apply(zh));
            String czh = p.getProperty("correction.zh", "").strip();
            if (!czh.isEmpty()) {
                correction.put(PromptLanguage.CHINESE, templates.apply(czh));
            }
        }
        String systemFile = p.getProperty("system", "").strip();
        String system = systemFile.isEmpty() ? "" : templates.apply(systemFile);
        if (shape == Shape.COMPLETION && !system.isEmpty()) {
            throw new ConfigException(where + ": a completion profile has no system message");
        }
        boolean schema = bool(p, "json-schema", false, where);
        double temperature = number(p, "temperature", 0, where);
        int seed = integer(p, "seed", 42, where);
        int context = integer(p, "context-tokens", 4096, where);
        int answer = integer(p, "answer-tokens", 768, where);
        if (context < 256 || answer < 1 || answer >= context) {
            throw new ConfigException(where + ": context-tokens=" + context + " and answer-tokens=" + answer
                    + " must satisfy 256 <= context and 1 <= answer < context");
        }
        List<String> stop = List.of();
        String stopValue = p.getProperty("stop", "").strip();
        if (!stopValue.isEmpty()) {
            try {
                stop = List.of(MAPPER.readValue(stopValue, String[].class));
            } catch (JsonProcessingException e) {
                throw new ConfigException(where + ": stop=" + stopValue + " is not a JSON array of strings");
            }
        }
        String answerPrefix = p.getProperty("answer-prefix", "");
        for (Map.Entry<PromptLanguage, String> e : user.entrySet()) {
            // checked here, once, rather than failing every document at render time
            if (!answerPrefix.isEmpty() && !e.getValue().endsWith(answerPrefix)) {
                throw new ConfigException(where + ": the " + e.getKey().name().toLowerCase(Locale.ROOT)
                        + " user template does not end with its answer-prefix");
            }
        }
        return new Profile(name, shape, system, user, correction, answerPrefix, schema,
                temperature, seed, context, answer, stop);
    }

    private static boolean bool(Properties p, String key, boolean fallback, String where) {
        String v = p.getProperty(key, "").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> fallback;
            // the same words TaggerConfig.getBoolean takes
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(where + ": " + key + "='" + v + "' is not a boolean");
        };
    }

    /** A whole number: {@code 4096.9} or {@code 1e20} is an error, not silently cut. */
    private static int integer(Properties p, String key, int fallback, String where) {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": " + key + "='" + v + "' is not a whole number");
        }
    }

    private static double number(Properties p, String key, double fallback, String where) {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": " + key + "='" + v + "' is not a number");
        }
    }

    private static String resource(String file) {
        ClassLoader cl = Profile.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new ConfigException("prompt file " + RESOURCE_DIR + file + " is not on the class path");
            }
            return template(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read prompt file " + RESOURCE_DIR + file + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return template(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read prompt file " + file + ": " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
    }

    /** Template files end with a newline an editor adds; the prompt does not. */
    private static String template(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").stripTrailing();
    }

    /** Built-in profiles, read once. */
    private static final class Cache {
        static final Map<String, Profile> BUILT_IN;

        static {
            Map<String, Profile> m = new java.util.HashMap<>();
            for (String n : Profile.BUILT_IN) {
                m.put(n, builtIn(n));
            }
            BUILT_IN = Map.copyOf(m);
        }
    }
}
