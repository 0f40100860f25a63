package dev.tagger.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.input.PromptTemplate;
import dev.tagger.ConfigException;
import dev.tagger.Tag;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.spi.BackendRequest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the prompt for a tagging request from a {@link Profile}'s templates and fits it into the
 * model's context.
 *
 * <pre>{@code
 * PromptBuilder prompts = PromptBuilder.from(config, "deepseek-math-7b-instruct", new OpenAiTokenCountEstimator("gpt-4o"));
 * RenderedPrompt p = prompts.render(new BackendRequest(document, tags, 3, List.of()));
 * p.system();   // empty: DeepSeekMath takes no system message
 * p.user();     // "... Please reason step by step, and put your final answer within \boxed{}."
 * }</pre>
 *
 * <p>What a prompt holds: the instruction, the allowed tag names (as JSON strings, so that
 * {@code "game-engine "} keeps its trailing space), the maximum, the exact output contract
 * {@code {"id":"7628","tags":[…]}} with the caller's id, and the document fenced between
 * {@code <document>} and {@code </document>} as data: a document cannot close the fence early
 * (any such marker inside it is defused, and so are chat-template control tokens such as
 * {@code <|im_end|>}), and the instruction says to ignore orders found inside it.
 * After an unusable answer ({@link BackendRequest#corrections()} not empty) the profile's correction
 * template adds why the previous answer could not be used.
 *
 * <p><b>Token budget.</b> The prompt plus the answer ({@link #answerTokens()}) plus a safety margin
 * must fit the context ({@link #contextTokens()}). A document that does not fit loses markdown noise
 * first — HTML comments, badges, images, HTML tags, link URLs (the link text stays), blank lines,
 * then long tables and code blocks are collapsed — one kind at a time until it fits; only then is its
 * tail cut, at a paragraph or line boundary. A document that fits is sent exactly as given. Tokens are
 * counted by the {@link TokenCountEstimator} given to the builder ({@link ConservativeTokenCountEstimator}
 * by default).
 *
 * <p>Immutable; safe for use by many threads at once.
 */
public final class PromptBuilder {

    /** Key: the prompt language, {@code auto} (default), {@code en} or {@code zh}. */
    public static final String LANGUAGE = "tagger.prompt.language";
    /** Key: whether to constrain answers by a JSON schema; overrides the profile's setting. */
    public static final String JSON_SCHEMA = "tagger.json-schema";
    /** Key: the sampling temperature; overrides the profile's (0 for every built-in one). */
    public static final String TEMPERATURE = "tagger.temperature";
    /** Key: the sampling seed; overrides the profile's. */
    public static final String SEED = "tagger.seed";

    /** The fewest tokens of document worth sending; below this the prompt is refused. */
    static final int MIN_DOCUMENT_TOKENS = 64;
    /** Share of Han characters among prose letters from which a document counts as Chinese. */
    static final double CHINESE_SHARE = 0.25;
    static final String TRUNCATION_MARK = "\n[… document truncated …]";
    /** More characters than any tokenizer fits in one token (whitespace runs aside). */
    static final int MAX_CHARS_PER_TOKEN = 32;

    private static final Logger log = LoggerFactory.getLogger(PromptBuilder.class);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE_MARKER = Pattern.compile("<(\\s*/?\\s*)(document)", Pattern.CASE_INSENSITIVE);
    /**
     * Chat-template control tokens: {@code <|im_end|>}, {@code <|eot_id|>}, DeepSeek's
     * {@code <｜end▁of▁sentence｜>} (bar or full-width bar), Gemma's {@code <start_of_turn>}/{@code <end_of_turn>}.
     */
    private static final Pattern CONTROL_TOKEN = Pattern.compile("<(?=[|｜]|(?:start|end)_of_turn>)");
    private static final int MAX_REASON_CHARS = 300;
    private static final int MAX_REASONS = 3;

    private final Profile profile;
    private final int contextTokens;
    private final int answerTokens;
    private final int marginTokens;
    private final double temperature;
    private final int seed;
    private final PromptLanguage language;
    private final TokenCountEstimator estimator;

    private PromptBuilder(Builder b) {
        this.profile = b.jsonSchema == null ? b.profile : b.profile.withJsonSchema(b.jsonSchema);
        this.contextTokens = b.contextTokens != null ? b.contextTokens : profile.contextTokens();
        this.answerTokens = b.answerTokens != null ? b.answerTokens : profile.answerTokens();
        this.marginTokens = b.marginTokens != null ? b.marginTokens : Math.max(16, (int) Math.ceil(contextTokens * 0.05));
        this.temperature = b.temperature != null ? b.temperature : profile.temperature();
        this.seed = b.seed != null ? b.seed : profile.seed();
        this.language = b.language;
        this.estimator = b.estimator;
        if (answerTokens + marginTokens + MIN_DOCUMENT_TOKENS >= contextTokens) {
            throw new ConfigException("context of " + contextTokens + " tokens leaves no room for a prompt after "
                    + answerTokens + " answer tokens and a margin of " + marginTokens);
        }
    }

    /** @return a builder: profile {@value Profile#JSON}, its context and answer sizes, the conservative estimator */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with the {@value Profile#JSON} profile and the conservative estimator */
    public static PromptBuilder defaults() {
        return builder().build();
    }

    /**
     * A prompt builder as configuration and the model name ask: the profile from {@code tagger.profile}
     * or the model name ({@link Profile#resolve}); {@code tagger.context-tokens} and
     * {@code tagger.answer-tokens} when set explicitly (their built-in defaults yield to the profile's
     * sizes); {@value #JSON_SCHEMA}, {@value #LANGUAGE}, {@value #TEMPERATURE}, {@value #SEED} when set.
     *
     * @param config the configuration
     * @param modelName the model's name, used to pick a profile when none is configured; may be empty
     * @param estimator counts tokens for the budget
     * @throws ConfigException naming key, source and value of a setting that cannot be used
     */
    public static PromptBuilder from(TaggerConfig config, String modelName, TokenCountEstimator estimator) {
        Objects.requireNonNull(config, "config");
        Builder b = builder().profile(Profile.resolve(config, Objects.requireNonNull(modelName, "modelName")))
                .estimator(estimator);
        if (explicit(config, TaggerConfig.CONTEXT_TOKENS)) {
            b.contextTokens(config.getInt(TaggerConfig.CONTEXT_TOKENS, 256, 10_000_000));
        }
        if (explicit(config, TaggerConfig.ANSWER_TOKENS)) {
            b.answerTokens(config.getInt(TaggerConfig.ANSWER_TOKENS, 16, 1_000_000));
        }
        if (config.get(JSON_SCHEMA).isPresent()) {
            b.jsonSchema(config.getBoolean(JSON_SCHEMA, true));
        }
        if (config.get(SEED).isPresent()) {
            b.seed(config.getInt(SEED, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        config.setting(TEMPERATURE).filter(s -> !s.value().isEmpty()).ifPresent(s -> {
            try {
                b.temperature(Double.parseDouble(s.value()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.describe() + " is not a number in [0, 2]");
            }
        });
        config.setting(LANGUAGE).filter(s -> !s.value().isEmpty()).ifPresent(s -> {
            try {
                b.language(PromptLanguage.parse(s.value()));
            } catch (ConfigException e) {
                throw new ConfigException(s.describe() + " is not one of auto, en, zh");
            }
        });
        try {
            return b.build();
        } catch (ConfigException e) {
            throw new ConfigException(TaggerConfig.CONTEXT_TOKENS + "/" + TaggerConfig.ANSWER_TOKENS + ": " + e.getMessage());
        }
    }

    /** As {@link #from(TaggerConfig, String, TokenCountEstimator)} with the conservative estimator. */
    public static PromptBuilder from(TaggerConfig config, String modelName) {
        return from(config, modelName, ConservativeTokenCountEstimator.instance());
    }

    private static boolean explicit(TaggerConfig config, String key) {
        return config.setting(key).map(s -> !s.isDefault() && !s.value().isEmpty()).orElse(false);
    }

    /** @return the profile */
    public Profile profile() {
        return profile;
    }

    /** @return the model's context window in tokens */
    public int contextTokens() {
        return contextTokens;
    }

    /** @return the tokens kept free for the answer */
    public int answerTokens() {
        return answerTokens;
    }

    /** @return the most tokens a prompt may take: context minus answer minus the safety margin */
    public int promptLimit() {
        return contextTokens - answerTokens - marginTokens;
    }

    /** @return the decoding options every prompt of this builder carries; adapters configure models with them */
    public DecodingOptions decoding() {
        return new DecodingOptions(temperature, answerTokens, contextTokens, seed, profile.stopSequences());
    }

    /**
     * Renders the prompt for one request, trimmed to the budget.
     *
     * @param request the request; not null
     * @return the prompt; never null
     * @throws TaggerException {@code INVALID_ARGUMENT} when even a short document cannot fit, because the
     *     instructions and the tag list alone fill the context
     */
    public RenderedPrompt render(BackendRequest request) {
        Objects.requireNonNull(request, "request");
        String docId = request.document().id();
        String original = request.document().text();
        PromptLanguage lang = languageFor(original);
        Map<String, Object> vars = variables(request, lang);
        Optional<String> system = profile.systemMessage()
                ? Optional.of(PromptTemplate.from(profile.systemTemplate()).apply(vars).text())
                : Optional.empty();
        PromptTemplate userTemplate = PromptTemplate.from(profile.userTemplate(lang));

        int limit = promptLimit();
        String doc = original;
        boolean cut = false;
        if (doc.length() > (long) MAX_CHARS_PER_TOKEN * limit) {
            // no tokenizer packs this many characters into the budget: drop what can never fit before
            // measuring, so a huge document costs time in proportion to the context, not to its size
            doc = TailTrimmer.atLineBefore(doc, MAX_CHARS_PER_TOKEN * limit);
            cut = true;
        }
        String precut = doc;
        String user = renderUser(userTemplate, vars, doc);
        int tokens = measure(system, user);
        int before = tokens;
        List<String> steps = new ArrayList<>();
        if (tokens > limit) {
            for (MarkdownNoise step : MarkdownNoise.values()) {
                String next = step.apply(doc);
                if (next.equals(doc) || next.isBlank()) {
                    continue;
                }
                doc = next;
                steps.add(step.label());
                user = renderUser(userTemplate, vars, doc);
                tokens = measure(system, user);
                if (tokens <= limit) {
                    break;
                }
            }
        }
        if (tokens > limit || cut) {
            int fixed = measure(system, renderUser(userTemplate, vars, ""));
            int room = limit - fixed - estimator.estimateTokenCountInText(TRUNCATION_MARK);
            if (room < MIN_DOCUMENT_TOKENS) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, docId, "the " + profile.name()
                        + " prompt without the document already takes " + fixed + " tokens ("
                        + request.tags().size() + " tags), leaving " + Math.max(room, 0) + " of the limit of " + limit
                        + " (context " + contextTokens + " - answer " + answerTokens + " - margin " + marginTokens
                        + "); at least " + MIN_DOCUMENT_TOKENS + " are needed for the document");
            }
            String kept = TailTrimmer.trim(doc, room, estimator);
            user = renderUser(userTemplate, vars, kept + TRUNCATION_MARK);
            tokens = measure(system, user);
            // joining text can tokenize differently from its parts: shrink until the whole fits
            while (tokens > limit && !kept.isEmpty()) {
                kept = TailTrimmer.shorten(kept);
                user = renderUser(userTemplate, vars, kept + TRUNCATION_MARK);
                tokens = measure(system, user);
            }
            doc = kept + TRUNCATION_MARK;
            steps.add(BudgetReport.TAIL);
        }
        log.debug("doc {}: {} prompt of {} tokens (limit {}, {} before budgeting), budget steps {}", docId,
                profile.name(), tokens, limit, before, steps);
        int documentBefore;
        if (cut) {
            // extrapolated from the part measured: a huge document is never measured whole
            int measured = estimator.estimateTokenCountInText(precut);
            documentBefore = (int) Math.min(Integer.MAX_VALUE, (long) measured * original.length() / precut.length());
            before += documentBefore - measured;
        } else {
            documentBefore = estimator.estimateTokenCountInText(original);
        }
        int documentAfter = doc.equals(original) ? documentBefore : estimator.estimateTokenCountInText(doc);
        BudgetReport budget = new BudgetReport(before, tokens, limit, documentBefore, documentAfter, steps);
        String prefix = profile.answerPrefixTemplate().isEmpty() ? ""
                : PromptTemplate.from(profile.answerPrefixTemplate()).apply(vars).text();
        assert user.endsWith(prefix) : "Profile.parse checks that user templates end with the answer prefix";
        Optional<String> schema = profile.jsonSchema()
                ? Optional.of(schema(docId, request.tags().names(), request.maxTags()))
                : Optional.empty();
        return new RenderedPrompt(system, user, tokens, prefix, decoding(), schema, profile.shape(), lang, budget,
                profile.name());
    }

    private String renderUser(PromptTemplate template, Map<String, Object> vars, String document) {
        Map<String, Object> all = new LinkedHashMap<>(vars);
        all.put("document", fence(document));
        // PromptTemplate substitutes in one pass: "{{id}}" inside a document stays literal text
        return template.apply(all).text();
    }

    private int measure(Optional<String> system, String user) {
        if (profile.shape() == Profile.Shape.COMPLETION) {
            return estimator.estimateTokenCountInText(user) + 1; // the tokenizer's BOS
        }
        List<ChatMessage> messages = new ArrayList<>(2);
        system.ifPresent(s -> messages.add(SystemMessage.from(s)));
        messages.add(UserMessage.from(user));
        return estimator.estimateTokenCountInMessages(messages);
    }

    private Map<String, Object> variables(BackendRequest request, PromptLanguage lang) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("max", request.maxTags());
        vars.put("count", request.tags().size());
        vars.put("id", quote(request.document().id()));
        vars.put("tags", tagList(request.tags().tags()));
        String correction = "";
        if (!request.corrections().isEmpty()) {
            Map<String, Object> c = new LinkedHashMap<>(vars);
            c.put("reason", reasons(request.corrections()));
            correction = PromptTemplate.from(profile.correctionTemplate(lang)).apply(c).text() + "\n";
        }
        vars.put("correction", correction);
        return vars;
    }

    /** The tag names as JSON strings, comma-separated: quotes keep {@code "game-engine "} recognisable. */
    static String tagList(List<Tag> tags) {
        StringBuilder sb = new StringBuilder();
        for (Tag t : tags) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(quote(t.name()));
        }
        return sb.toString();
    }

    private static String reasons(List<String> corrections) {
        List<String> last = corrections.subList(Math.max(0, corrections.size() - MAX_REASONS), corrections.size());
        List<String> out = new ArrayList<>();
        for (String r : last) {
            String one = r.replaceAll("\\s+", " ").strip();
            out.add(one.length() > MAX_REASON_CHARS ? one.substring(0, MAX_REASON_CHARS - 1) + "…" : one);
        }
        return String.join("; ", out);
    }

    /**
     * Defuses {@code <document>} and {@code </document>} inside a text, so it cannot leave its fence, and
     * chat-template control tokens ({@code <|im_end|>} becomes {@code ‹|im_end|>}): servers built on
     * llama.cpp may tokenize a rendered prompt with special tokens parsed, which would let a document
     * end the user's turn and write a fake system or assistant turn.
     */
    static String fence(String text) {
        String fenced = FENCE_MARKER.matcher(text).replaceAll("‹$1$2");
        return CONTROL_TOKEN.matcher(fenced).replaceAll("‹");
    }

    private PromptLanguage languageFor(String text) {
        if (!profile.supports(PromptLanguage.CHINESE)) {
            return PromptLanguage.ENGLISH;
        }
        return switch (language) {
            case ENGLISH -> PromptLanguage.ENGLISH;
            case CHINESE -> PromptLanguage.CHINESE;
            case AUTO -> isChinese(text) ? PromptLanguage.CHINESE : PromptLanguage.ENGLISH;
        };
    }

    /**
     * Whether a document reads as Chinese: Han characters make up at least {@value #CHINESE_SHARE} of the
     * letters of its prose (code blocks, inline code, URLs and HTML left out).
     */
    static boolean isChinese(String text) {
        String prose = MarkdownNoise.proseOnly(text);
        long han = 0;
        long latin = 0;
        for (int i = 0; i < prose.length(); ) {
            int cp = prose.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(cp)) {
                latin++;
            }
        }
        return han > 0 && han >= CHINESE_SHARE * (han + latin);
    }

    /**
     * The answer's JSON schema: an object with {@code id} fixed to the caller's id by {@code const} and
     * {@code tags} an array of allowed names (an {@code enum}, names exactly as given) of at most
     * {@code max} items; both required, nothing else allowed.
     */
    static String schema(String id, List<String> names, int max) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        ObjectNode idNode = props.putObject("id");
        idNode.put("type", "string");
        idNode.put("const", id);
        ObjectNode tags = props.putObject("tags");
        tags.put("type", "array");
        ObjectNode items = tags.putObject("items");
        items.put("type", "string");
        ArrayNode en = items.putArray("enum");
        names.forEach(en::add);
        tags.put("maxItems", max);
        // no "uniqueItems": OpenAI's strict structured outputs reject it (a 400 and a wasted call per
        // backend) and llama.cpp grammars ignore it; the resolver removes repeats anyway

        root.putArray("required").add("id").add("tags");
        root.put("additionalProperties", false);
        return root.toString();
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PromptBuilder[" + profile.name() + ", context " + contextTokens + ", answer " + answerTokens
                + ", margin " + marginTokens + ", language " + language.name().toLowerCase(Locale.ROOT)
                + ", estimator " + estimator + "]";
    }

    /** Builds a {@link PromptBuilder}; each {@link #build()} returns a new one. */
    public static final class Builder {
        private Profile profile = Profile.json();
        private Integer contextTokens;
        private Integer answerTokens;
        private Integer marginTokens;
        private Double temperature;
        private Integer seed;
        private Boolean jsonSchema;
        private PromptLanguage language = PromptLanguage.AUTO;
        private TokenCountEstimator estimator = ConservativeTokenCountEstimator.instance();

        private Builder() {
        }

        /** The profile; {@value Profile#JSON} by default. */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * A built-in profile by name.
         *
         * @throws ConfigException listing the built-in profiles when the name is unknown
         */
        public Builder profile(String name) {
            return profile(Profile.named(name));
        }

        /** The model's context window in tokens; the profile's by default (4,096 for the built-ins). */
        public Builder contextTokens(int tokens) {
            if (tokens < 256) {
                throw new IllegalArgumentException("contextTokens must be >= 256, got " + tokens);
            }
            this.contextTokens = tokens;
            return this;
        }

        /** The tokens kept free for the answer; the profile's by default. */
        public Builder answerTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("answerTokens must be >= 1, got " + tokens);
            }
            this.answerTokens = tokens;
            return this;
        }

        /**
         * Tokens kept free beyond the answer, for the difference between the estimator's tokenizer and
         * the model's and for the chat template; 5% of the context by default, at least 16.
         */
        public Builder marginTokens(int tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("marginTokens must be >= 0, got " + tokens);
            }
            this.marginTokens = tokens;
            return this;
        }

        /** The sampling temperature, 0 to 2; the profile's (0) by default. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** The sampling seed; the profile's by default. */
        public Builder seed(int seed) {
            this.seed = seed;
            return this;
        }

        /** Turns constrained decoding by JSON schema on or off; the profile decides by default. */
        public Builder jsonSchema(boolean on) {
            this.jsonSchema = on;
            return this;
        }

        /** The instructions' language; {@link PromptLanguage#AUTO} (detected per document) by default. */
        public Builder language(PromptLanguage language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /** Counts tokens for the budget; {@link ConservativeTokenCountEstimator} by default. */
        public Builder estimator(TokenCountEstimator estimator) {
            this.estimator = Objects.requireNonNull(estimator, "estimator");
            return this;
        }

        /**
         * @return a new prompt builder
         * @throws ConfigException when the answer and margin leave no room for a prompt in the context
         */
        public PromptBuilder build() {
            return new PromptBuilder(this);
        }
    }
}
