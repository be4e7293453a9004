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

    @EventListener
    void domainMerged(DomainMerged event) {
        categories.moveAll(event.sourceId(), event.targetId(), categories.nextPosition(event.targetId()));
    }

    @EventListener
    void countFor(DomainUsage usage) {
        for (Object[] row : categories.countByDomain(usage.studyId())) {
            usage.addCategories((Long) row[0], (Long) row[1]);
        }
    }
}
