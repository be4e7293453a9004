package org.cqrworkbench.coding;

import java.util.HashMap;
import java.util.Map;

/**
 * How many core ideas and categories hang on each domain of a study. Those modules depend on this one, so it
 * cannot ask them directly: it publishes this question as a synchronous event, and their listeners write
 * their counts into it before publishEvent returns.
 */
public final class DomainUsage {

    private final long studyId;
    private final Map<Long, Long> coreIdeas = new HashMap<>();
    private final Map<Long, Long> categories = new HashMap<>();

    DomainUsage(long studyId) {
        this.studyId = studyId;
    }

    public long studyId() {
        return studyId;
    }

    public void addCoreIdeas(long domainId, long count) {
        coreIdeas.merge(domainId, count, Long::sum);
    }

    public void addCategories(long domainId, long count) {
        categories.merge(domainId, count, Long::sum);
    }

    long coreIdeas(long domainId) {
        return coreIdeas.getOrDefault(domainId, 0L);
    }

    long categories(long domainId) {
        return categories.getOrDefault(domainId, 0L);
    }
}
