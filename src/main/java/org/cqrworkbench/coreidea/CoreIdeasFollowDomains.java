package org.cqrworkbench.coreidea;

import org.cqrworkbench.coding.DomainMerged;
import org.cqrworkbench.coding.DomainUsage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps core ideas with their domain as the domain list changes. Both listeners run synchronously, inside the
 * transaction of the change that asked, so a merge either moves everything or nothing.
 */
@Component
class CoreIdeasFollowDomains {

    private final CoreIdeaRepository coreIdeas;

    CoreIdeasFollowDomains(CoreIdeaRepository coreIdeas) {
        this.coreIdeas = coreIdeas;
    }

    @EventListener
    void domainMerged(DomainMerged event) {
        coreIdeas.moveAll(event.sourceId(), event.targetId(), coreIdeas.nextPosition(event.targetId()));
    }

    @EventListener
    void countFor(DomainUsage usage) {
        for (Object[] row : coreIdeas.countByDomain(usage.studyId())) {
            usage.addCoreIdeas((Long) row[0], (Long) row[1]);
        }
    }
}
