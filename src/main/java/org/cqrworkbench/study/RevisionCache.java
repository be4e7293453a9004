package org.cqrworkbench.study;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures worked out from a study's analysis, kept until the analysis changes. The change log moves the study's
 * analysis revision in the same transaction as every change it records (domains, consensus codings, core ideas,
 * categories, placements), so a figure kept with the revision it was worked out at is right for as long as the
 * revision stays; the revision is read from the database each time, so a change made on another instance counts too.
 * Only what follows from those logged items may be kept here: a figure that also depends on, say, transcripts or
 * drafts would go stale.
 *
 * <p>The revision is read before the figure is worked out, so a figure is never older than the revision it is kept
 * with; at worst it is newer, and is worked out again once the revision catches up.
 *
 * @param <T> the figure; it must not be changed once made, as several requests read it at once
 */
public final class RevisionCache<T> {

    private final JdbcClient jdbc;
    private final VersionedCache<Part, T> kept;

    /** A study, or one part of it: revisions are counted per study, so the study is always part of the key. */
    private record Part(long studyId, long partId) {
    }

    /** A cache that keeps the figures of the `kept` most recently read studies, or parts of studies. */
    public RevisionCache(JdbcClient jdbc, int kept) {
        this.jdbc = jdbc;
        this.kept = new VersionedCache<>(kept);
    }

    /** The study's figure as kept, or as `compute` works it out now if the analysis has changed since. */
    public T get(long studyId, Supplier<T> compute) {
        return get(studyId, studyId, compute);
    }

    /**
     * The figure of one part of the study, such as a domain, as kept or as `compute` works it out now; the cache then
     * keeps that many parts rather than studies.
     */
    public T get(long studyId, long partId, Supplier<T> compute) {
        long revision = jdbc.sql("select analysis_revision from study where id = ?").param(studyId).query(Long.class).single();
        return kept.get(new Part(studyId, partId), revision, compute);
    }
}
