package dev.tagger.cli;

import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every {@code tagger} command takes: {@code -v}, {@code --config FILE} and
 * {@code -Dkey=value}. A command adds them with {@code @Mixin CommonOptions common;}; values given
 * before or after the subcommand's name land in the top command's instance, so
 * {@code tagger -v tag …} and {@code tagger tag -v …} mean the same. Commands read the layered
 * configuration through {@link #config()}.
 *
 * <p>Not thread-safe: one instance serves one run of the command line.
 */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private int verbosity;
    private Path configFile;
    private final Map<String, String> properties = new LinkedHashMap<>();

    /** Creates empty options; picocli fills them. */
    public CommonOptions() {
    }

    @Option(names = {"-v", "--verbose"},
            description = "Log on standard error: -v Tagger's DEBUG messages (and stack traces of failures), "
                    + "-vv also TRACE (raw replies) and other libraries' DEBUG.")
    void verbose(boolean[] flags) {
        // picocli also calls setters to reset options; only a real value counts
        if (flags != null && flags.length > 0) {
            target().verbosity = Math.max(target().verbosity, flags.length);
        }
    }

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of tagger.* keys, over tagger.properties on the class path.")
    void configFile(Path file) {
        if (file != null) {
            target().configFile = file;
        }
    }

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Sets a tagger.* key, over the environment and the --config file, e.g. -Dtagger.ollama.model=deepseek-math")
    void property(Map<String, String> values) {
        if (values != null) {
            target().properties.putAll(values);
        }
    }

    /** The instance that holds the values: the top command's, when the top command is {@code tagger}. */
    private CommonOptions target() {
        if (mixee != null && mixee.root().userObject() instanceof TaggerCli cli && cli.common() != null) {
            return cli.common();
        }
        return this;
    }

    /** @return how many {@code -v} were given, before or after the subcommand */
    public int verbosity() {
        return target().verbosity;
    }

    /**
     * The configuration these options give: defaults &lt; {@code tagger.properties} on the class path
     * &lt; the {@code --config} file &lt; environment {@code TAGGER_*} &lt; JVM system properties &lt;
     * {@code -D} options.
     *
     * @return the configuration
     * @throws dev.tagger.ConfigException naming key, source and value when a setting is invalid
     * @throws TaggerException {@code IO} when the {@code --config} file is missing;
     *     {@code INVALID_ARGUMENT} for a {@code -D} key outside {@code tagger.*}
     */
    public TaggerConfig config() {
        CommonOptions o = target();
        TaggerConfig base;
        if (o.configFile == null) {
            base = TaggerConfig.load();
        } else {
            if (!Files.isRegularFile(o.configFile)) {
                throw new TaggerException(TaggerException.Reason.IO, "configuration file not found: " + o.configFile);
            }
            base = TaggerConfig.load(o.configFile);
        }
        if (o.properties.isEmpty()) {
            return base;
        }
        TaggerConfig.Builder b = base.toBuilder();
        o.properties.forEach((k, v) -> {
            if (!k.strip().toLowerCase(Locale.ROOT).startsWith("tagger.")) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT,
                        "-D" + k + ": only tagger.* keys can be set this way");
            }
            b.set(k, v);
        });
        return b.build();
    }
}
