package org.cqrworkbench.coreidea;

import org.cqrworkbench.coding.DomainMerged;
import org.cqrworkbench.coding.DomainSplit;
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

    /**
     * Moves the merged domain's core ideas after those already in the target, one entity at a time so that each
     * move shows up in the change log.
     */
    @EventListener
    void domainMerged(DomainMerged event) {
        int offset = coreIdeas.nextPosition(event.targetId());
        for (CoreIdea idea : coreIdeas.findByDomainId(event.sourceId())) {
            idea.moveToDomain(event.targetId());
            idea.moveTo(idea.getPosition() + offset);
        }
    }

    /** A core idea drawn only from codings that were split off goes with them; one also drawn from others stays. */
    @EventListener
    void domainSplit(DomainSplit event) {
        int position = coreIdeas.nextPosition(event.targetId());
        for (CoreIdea idea : coreIdeas.findByDomainId(event.sourceId())) {
            if (!idea.getCodingIds().isEmpty() && event.codingIds().containsAll(idea.getCodingIds())) {
                idea.moveToDomain(event.targetId());
                idea.moveTo(position++);
            }
        }
    }

    @EventListener
    void countFor(DomainUsage usage) {
        for (Object[] row : coreIdeas.countByDomain(usage.studyId())) {
            usage.addCoreIdeas((Long) row[0], (Long) row[1]);
        }
    }
}
