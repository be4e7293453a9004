package org.cqrworkbench.crossanalysis;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do with categories: look one up, and apply a change an auditor suggested. */
@Service
public class Categories {

    private final CategoryRepository categories;
    private final CategoryService categoryService;

    Categories(CategoryRepository categories, CategoryService categoryService) {
        this.categories = categories;
        this.categoryService = categoryService;
    }

    @Transactional(readOnly = true)
    public Optional<Category> find(long studyId, long categoryId) {
        return categories.findById(categoryId).filter(c -> c.getStudyId() == studyId);
    }

    /** Moves a core idea from one category to another; both checks of the team's role apply. */
    @Transactional
    public void moveCoreIdea(long studyId, String username, long fromCategoryId, long toCategoryId, long coreIdeaId) {
        categoryService.place(studyId, username, toCategoryId, Set.of(coreIdeaId));
        categoryService.remove(studyId, username, fromCategoryId, Set.of(coreIdeaId));
    }

    @Transactional
    public void rename(long studyId, String username, long categoryId, String name) {
        Category category = find(studyId, categoryId).orElseThrow();
        categoryService.describe(studyId, username, categoryId, category.getVersion(), name, category.getDescription());
    }
}
