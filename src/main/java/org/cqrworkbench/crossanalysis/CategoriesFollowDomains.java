package org.cqrworkbench.crossanalysis;

import org.cqrworkbench.coding.DomainMerged;
import org.cqrworkbench.coding.DomainUsage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps categories with their domain as the domain list changes. Both listeners run synchronously, inside the
 * transaction of the change that asked, so a merge either moves everything or nothing.
 */
@Component
class CategoriesFollowDomains {

    private final CategoryRepository categories;

    CategoriesFollowDomains(CategoryRepository categories) {
        this.categories = categories;
    }

    /**
     * Moves the merged domain's categories, with their tree, after those already in the target; one entity at a
     * time so that each move shows up in the change log.
     */
    @EventListener
    void domainMerged(DomainMerged event) {
        int offset = categories.nextPosition(event.targetId());
        for (Category category : categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(event.studyId(), event.sourceId())) {
            category.moveToDomain(event.targetId());
            category.moveTo(category.getPosition() + offset);
        }
    }

    @EventListener
    void countFor(DomainUsage usage) {
        for (Object[] row : categories.countByDomain(usage.studyId())) {
            usage.addCategories((Long) row[0], (Long) row[1]);
        }
    }
}
