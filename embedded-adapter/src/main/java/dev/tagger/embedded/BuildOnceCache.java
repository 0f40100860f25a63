package dev.tagger.embedded;

import dev.tagger.spi.BackendException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * A small cache of values that are slow to build (a tag set's vectors), bounded to the most recently
 * used entries. The lock is held only to find or add an entry: a value is built outside it, so a cached
 * value is never kept waiting by another one's build, and callers asking for a value being built wait
 * for that one build. A failed build is dropped, so the next call tries again.
 *
 * <p>Safe for use by many threads at once.
 */
final class BuildOnceCache<K, V> {

    private final String backend;
    private final Map<K, FutureTask<V>> entries; // guarded by itself

    BuildOnceCache(String backend, int capacity) {
        this.backend = backend;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, FutureTask<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @return the value for the key, built by {@code build} on first use
     * @throws RuntimeException what the build threw; {@link BackendException} (retryable) when interrupted
     */
    V get(K key, Function<K, V> build) {
        FutureTask<V> task;
        synchronized (entries) {
            task = entries.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> build.apply(key));
                entries.put(key, task);
            }
        }
        task.run(); // builds it on the first call; returns at once when built or being built
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (entries) {
                entries.remove(key, task);
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw BackendException.unavailable(backend, "embedding model failed on the tag list: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendException.unavailable(backend, "interrupted while the tag list was embedded", e);
        }
    }
}
