package org.cqrworkbench.study;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values worked out from items that carry a version number, each kept with the version it was worked out from, for the
 * most recently used items. A kept value is given out only for that same version; for any other it is worked out
 * again. So a kept value is right as long as every change to what it is worked out from moves the version.
 *
 * @param <K> what names an item, such as its id
 * @param <T> the value; it must not be changed once made, as several requests read it at once
 */
public final class VersionedCache<K, T> {

    private record Kept<T>(long version, T value) {
    }

    private final Map<K, Kept<T>> kept;

    /** A cache that keeps the values of the `items` most recently read items. */
    public VersionedCache(int items) {
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Kept<T>> eldest) {
                return size() > items;
            }
        };
    }

    /** The value kept for this version of the item, or the one `make` works out now. */
    public T get(K id, long version, Supplier<T> make) {
        synchronized (kept) {
            Kept<T> found = kept.get(id);
            if (found != null && found.version() == version) {
                return found.value();
            }
        }
        T value = make.get();
        synchronized (kept) {
            Kept<T> now = kept.get(id);
            // Two requests may work out values at once; the one for the newer version stays.
            if (now == null || now.version() <= version) {
                kept.put(id, new Kept<>(version, value));
            }
        }
        return value;
    }
}
