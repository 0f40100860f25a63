package dev.tagger;

import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The backend providers on the class path, found through {@link ServiceLoader}.
 */
public final class Backends {

    private Backends() {
    }

    /** @return the registered providers by name, sorted */
    public static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> out = new TreeMap<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, cl == null ? Backends.class.getClassLoader() : cl)) {
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    /**
     * Creates the named backend from configuration.
     *
     * @throws ConfigException {@code UNKNOWN_BACKEND} naming the backend and listing the known ones
     */
    public static Backend create(String name, TaggerConfig config) {
        return create(name, config, providers());
    }

    /** As {@link #create(String, TaggerConfig)}, from providers already found. */
    static Backend create(String name, TaggerConfig config, Map<String, BackendProvider> all) {
        BackendProvider p = all.get(name);
        if (p == null) {
            throw new ConfigException(TaggerException.Reason.UNKNOWN_BACKEND, "unknown backend '" + name
                    + "'; known backends: " + (all.isEmpty() ? "(none on the class path)" : String.join(", ", all.keySet())));
        }
        return p.create(config);
    }
}
