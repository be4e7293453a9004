package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's work on categories: create, describe, order, nest, merge, split, delete, and place core ideas.
 * Only leads and judges change categories; edits carry the version they started from, so one judge never
 * silently overwrites another.
 */
@Service
class CategoryService {

    private final CategoryRepository categories;
    private final CoreIdeaRepository coreIdeas;
    private final DomainService domainService;
    private final StudyAccess access;

    CategoryService(CategoryRepository categories, CoreIdeaRepository coreIdeas, DomainService domainService,
            StudyAccess access) {
        this.categories = categories;
        this.coreIdeas = coreIdeas;
        this.domainService = domainService;
        this.access = access;
    }

    @Transactional
    Category create(long studyId, String username, long domainId, Long parentId, String name) {
        access.analyst(studyId, username);
        domainService.domain(studyId, username, domainId);
        if (parentId != null) {
            Category parent = categoryOf(studyId, parentId);
            if (parent.getDomainId() != domainId) {
                throw new InvalidInputException("category.otherDomain");
            }
        }
        return categories.save(new Category(studyId, domainId, parentId, checkedName(name), nextPosition(studyId, domainId)));
    }

    @Transactional
    void describe(long studyId, String username, long categoryId, long expectedVersion, String name, String description) {
        access.analyst(studyId, username);
        Category category = fresh(studyId, categoryId, expectedVersion);
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > Category.MAX_DESCRIPTION) {
            throw new InvalidInputException("text.tooLong", Category.MAX_DESCRIPTION);
        }
        category.describe(checkedName(name), text);
    }

    /** Moves a category one place up or down among its siblings. */
    @Transactional
    void move(long studyId, String username, long categoryId, boolean up) {
        access.analyst(studyId, username);
        Category category = locked(studyId, categoryId);
        List<Category> siblings = new ArrayList<>(categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(studyId, category.getDomainId())
                .stream().filter(c -> Objects.equals(c.getParentId(), category.getParentId())).toList());
        int index = siblings.indexOf(category);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.add(other, siblings.remove(index));
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).moveTo(i);
        }
    }

    /** Makes a category a subcategory of another in the same domain, or a top-level category again (parent null). */
    @Transactional
    void nest(long studyId, String username, long categoryId, Long parentId) {
        access.analyst(studyId, username);
        Category category = locked(studyId, categoryId);
        if (parentId != null) {
            Category parent = categoryOf(studyId, parentId);
            if (parent.getDomainId().longValue() != category.getDomainId()) {
                throw new InvalidInputException("category.otherDomain");
            }
            for (Category c = parent; c != null; c = c.getParentId() == null ? null : categoryOf(studyId, c.getParentId())) {
                if (c.getId().equals(categoryId)) {
                    throw new InvalidInputException("category.nest.cycle");
                }
            }
        }
        category.nestUnder(parentId);
    }

    /** Moves every core idea and subcategory of `sourceId` into `targetId`, then removes the source. */
    @Transactional
    void merge(long studyId, String username, long sourceId, long targetId) {
        access.analyst(studyId, username);
        if (sourceId == targetId) {
            throw new InvalidInputException("category.merge.self");
        }
        // Both rows are locked, always the lower id first, so two merges of the same pair wait rather than deadlock.
        Category source = locked(studyId, Math.min(sourceId, targetId));
        Category target = locked(studyId, Math.max(sourceId, targetId));
        if (source.getId() != sourceId) {
            Category swap = source;
            source = target;
            target = swap;
        }
        if (source.getDomainId().longValue() != target.getDomainId()) {
            throw new InvalidInputException("category.otherDomain");
        }
        for (Category c = target; c != null; c = c.getParentId() == null ? null : categoryOf(studyId, c.getParentId())) {
            if (c.getId().equals(sourceId)) {
                throw new InvalidInputException("category.nest.cycle");
            }
        }
        target.place(source.getCoreIdeaIds());
        childrenOf(studyId, source).forEach(child -> child.nestUnder(targetId));
        categories.delete(source);
    }

    /** Moves the chosen core ideas out of a category into a new one beside it. */
    @Transactional
    Category split(long studyId, String username, long categoryId, Set<Long> coreIdeaIds, String newName) {
        access.analyst(studyId, username);
        Category source = locked(studyId, categoryId);
        if (coreIdeaIds == null || coreIdeaIds.isEmpty() || !source.getCoreIdeaIds().containsAll(coreIdeaIds)) {
            throw new InvalidInputException("category.split.choose");
        }
        Category created = categories.save(new Category(studyId, source.getDomainId(), source.getParentId(),
                checkedName(newName), nextPosition(studyId, source.getDomainId())));
        source.remove(coreIdeaIds);
        created.place(coreIdeaIds);
        return created;
    }

    /** Deletes a category; its subcategories move up to its parent and its core ideas simply leave it. */
    @Transactional
    void delete(long studyId, String username, long categoryId) {
        access.analyst(studyId, username);
        Category category = locked(studyId, categoryId);
        childrenOf(studyId, category).forEach(child -> child.nestUnder(category.getParentId()));
        categories.delete(category);
    }

    @Transactional
    void place(long studyId, String username, long categoryId, Set<Long> coreIdeaIds) {
        access.analyst(studyId, username);
        Category category = locked(studyId, categoryId);
        category.place(checkedIdeas(studyId, category.getDomainId(), coreIdeaIds));
    }

    @Transactional
    void remove(long studyId, String username, long categoryId, Set<Long> coreIdeaIds) {
        access.analyst(studyId, username);
        locked(studyId, categoryId).remove(coreIdeaIds);
    }

    /** Core ideas must belong to the study and to the category's domain. */
    private Set<Long> checkedIdeas(long studyId, long domainId, Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("category.place.choose");
        }
        List<CoreIdea> found = coreIdeas.findAllById(ids);
        boolean allHere = found.size() == ids.size()
                && found.stream().allMatch(i -> i.getStudyId() == studyId && i.getDomainId() == domainId);
        if (!allHere) {
            throw new InvalidInputException("category.place.foreign");
        }
        return new HashSet<>(ids);
    }

    private List<Category> childrenOf(long studyId, Category parent) {
        return categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(studyId, parent.getDomainId()).stream()
                .filter(c -> parent.getId().equals(c.getParentId()))
                .toList();
    }

    private Category fresh(long studyId, long categoryId, long expectedVersion) {
        Category category = locked(studyId, categoryId);
        if (category.getVersion() != expectedVersion) {
            throw new ConflictException("category.conflict", category.getName());
        }
        return category;
    }

    /**
     * The category about to change, its row locked until the commit: a second save waits, then sees the first one's
     * version and placements, so it is refused as a conflict or finds a placement already made, never stored twice.
     */
    private Category locked(long studyId, long categoryId) {
        return categories.findForUpdateById(categoryId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("category.notFound"));
    }

    private Category categoryOf(long studyId, long categoryId) {
        return categories.findById(categoryId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("category.notFound"));
    }

    private int nextPosition(long studyId, long domainId) {
        return categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(studyId, domainId).stream()
                .mapToInt(Category::getPosition).max().orElse(-1) + 1;
    }

    static String checkedName(String name) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("category.name.required");
        }
        if (checked.length() > Category.MAX_NAME) {
            throw new InvalidInputException("text.tooLong", Category.MAX_NAME);
        }
        return checked;
    }
}
