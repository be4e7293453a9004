package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaService;
import org.cqrworkbench.spreadsheet.SpreadsheetRows;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a cross-analysis kept in a spreadsheet: one row per placement of a core idea in a category.
 * The whole file is one transaction, so a bad row imports nothing; its message names line and column.
 */
@Service
public class CrossAnalysisImport {

    public record Summary(int rows, int casesCreated, int subsamplesCreated, int domainsCreated, int categoriesCreated,
            int coreIdeasCreated, int placements) {
    }

    private enum Column {
        CASE("Case", true), SUBSAMPLE("Subsample", false), DOMAIN("Domain", true), CATEGORY("Category", true),
        SUBCATEGORY("Subcategory", false), CORE_IDEA("Core idea", true);

        final String title;
        final boolean required;

        Column(String title, boolean required) {
            this.title = title;
            this.required = required;
        }
    }

    private record Placement(int line, String caseCode, String subsample, String domain, String category,
            String subcategory, String coreIdea) {
    }

    private static final Logger log = LoggerFactory.getLogger(CrossAnalysisImport.class);

    private final StudyAccess access;
    private final CaseService caseService;
    private final DomainService domainService;
    private final CoreIdeaService coreIdeaService;
    private final CategoryRepository categories;

    CrossAnalysisImport(StudyAccess access, CaseService caseService, DomainService domainService,
            CoreIdeaService coreIdeaService, CategoryRepository categories) {
        this.access = access;
        this.caseService = caseService;
        this.domainService = domainService;
        this.coreIdeaService = coreIdeaService;
        this.categories = categories;
    }

    @Transactional
    public Summary importFile(long studyId, String username, String fileName, byte[] content) {
        access.analyst(studyId, username);
        List<Placement> placements = parse(SpreadsheetRows.read(fileName, content));
        // A large file takes some seconds; the log shows what the server is busy with meanwhile.
        log.info("Importing {} rows of a cross-analysis into study {}", placements.size(), studyId);
        Summary summary = new Run(studyId, username).apply(placements);
        log.info("Imported {} rows into study {}: {}", placements.size(), studyId, summary);
        return summary;
    }

    private static List<Placement> parse(List<SpreadsheetRows.Line> lines) {
        if (lines.isEmpty()) {
            throw new InvalidInputException("import.empty");
        }
        Map<Column, Integer> columns = header(lines.get(0));
        List<Placement> placements = new ArrayList<>();
        for (SpreadsheetRows.Line line : lines.subList(1, lines.size())) {
            placements.add(new Placement(line.number(),
                    cell(line, columns, Column.CASE), cell(line, columns, Column.SUBSAMPLE),
                    cell(line, columns, Column.DOMAIN), cell(line, columns, Column.CATEGORY),
                    cell(line, columns, Column.SUBCATEGORY), cell(line, columns, Column.CORE_IDEA)));
        }
        if (placements.isEmpty()) {
            throw new InvalidInputException("import.noRows");
        }
        return placements;
    }

    /** Column titles in any order and letter case; the optional ones may be missing. */
    private static Map<Column, Integer> header(SpreadsheetRows.Line header) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            for (Column column : Column.values()) {
                if (column.title.toLowerCase(Locale.ROOT).equals(title)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                throw new InvalidInputException("import.missingColumn", column.title);
            }
        }
        return columns;
    }

    private static String cell(SpreadsheetRows.Line line, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        String value = index == null || index >= line.cells().size() ? "" : line.cells().get(index).strip();
        if (column.required && value.isEmpty()) {
            throw new InvalidInputException("import.cell.empty", line.number(), column.title);
        }
        return value;
    }

    /** One import: lookups by name, filled as the rows create what is missing. */
    private final class Run {

        private final long studyId;
        private final Map<String, Long> subsampleIds = new HashMap<>();
        private final Map<String, StudyCase> cases = new HashMap<>();
        private final Map<String, Long> domainIds = new HashMap<>();
        private final Map<String, Category> categoryByKey = new HashMap<>();
        private final Map<String, CoreIdea> ideaByKey = new HashMap<>();
        private final Map<Long, Integer> nextCategoryPosition = new HashMap<>();
        private final CoreIdeaService.Batch batch;
        private final long defaultSubsampleId;
        private final boolean freshStudy;
        private int casesCreated;
        private int subsamplesCreated;
        private int domainsCreated;
        private int categoriesCreated;
        private int placementCount;

        Run(long studyId, String username) {
            this.studyId = studyId;
            StudyDesign design = caseService.design(studyId, username);
            design.subsamples().forEach(s -> subsampleIds.put(lower(s.name()), s.id()));
            design.cases().forEach(c -> cases.put(lower(c.getCode()), c));
            defaultSubsampleId = design.defaultSubsample().id();
            freshStudy = design.subsamples().size() == 1 && design.cases().isEmpty();
            for (Domain d : domainService.domains(studyId, username)) {
                domainIds.put(lower(d.getName()), d.getId());
            }
            for (Category c : categories.findByStudyIdOrderByPositionAscIdAsc(studyId)) {
                categoryByKey.put(categoryKey(c.getDomainId(), c.getParentId(), c.getName()), c);
                nextCategoryPosition.merge(c.getDomainId(), c.getPosition() + 1, Math::max);
            }
            batch = coreIdeaService.batch(studyId);
        }

        /**
         * Two passes: first the study's structure (subsamples, cases, domains, categories), which needs lookups;
         * then core ideas and placements, which need none. Lookups between thousands of new core ideas would make
         * Hibernate flush and re-check them all each time.
         */
        Summary apply(List<Placement> placements) {
            int ideasBefore = ideaByKey.size();
            for (Placement p : placements) {
                onLine(p, () -> structure(p));
            }
            for (Placement p : placements) {
                onLine(p, () -> place(p));
            }
            return new Summary(placements.size(), casesCreated, subsamplesCreated, domainsCreated, categoriesCreated,
                    ideaByKey.size() - ideasBefore, placementCount);
        }

        private void onLine(Placement p, Runnable step) {
            try {
                step.run();
            } catch (InvalidInputException e) {
                throw new InvalidInputException("import.line", p.line(), e.resolvable());
            }
        }

        private void structure(Placement p) {
            long subsampleId = subsample(p.subsample());
            studyCase(p.caseCode(), subsampleId);
            long domainId = domain(p.domain());
            Category category = category(domainId, null, p.category());
            if (!p.subcategory().isEmpty()) {
                category(domainId, category.getId(), p.subcategory());
            }
        }

        private void place(Placement p) {
            long subsampleId = subsample(p.subsample());
            StudyCase studyCase = studyCase(p.caseCode(), subsampleId);
            long domainId = domain(p.domain());
            Category category = category(domainId, null, p.category());
            if (!p.subcategory().isEmpty()) {
                category = category(domainId, category.getId(), p.subcategory());
            }
            String ideaKey = studyCase.getId() + "/" + subsampleId + "/" + domainId + "/" + p.coreIdea();
            CoreIdea idea = ideaByKey.computeIfAbsent(ideaKey,
                    k -> batch.add(studyCase.getId(), subsampleId, domainId, p.coreIdea()));
            if (category.place(List.of(idea.getId()))) {
                placementCount++;
            }
        }

        private long subsample(String name) {
            if (name.isEmpty()) {
                return defaultSubsampleId;
            }
            Long id = subsampleIds.get(lower(name));
            if (id != null) {
                return id;
            }
            if (freshStudy && subsamplesCreated == 0 && subsampleIds.size() == 1 && cases.isEmpty()) {
                // A fresh study's unnamed default subsample takes the first name the file gives.
                caseService.renameSubsample(studyId, defaultSubsampleId, name);
                subsampleIds.clear();
                subsampleIds.put(lower(name), defaultSubsampleId);
                return defaultSubsampleId;
            }
            long created = caseService.appendSubsample(studyId, name).getId();
            subsamplesCreated++;
            subsampleIds.put(lower(name), created);
            return created;
        }

        private StudyCase studyCase(String code, long subsampleId) {
            StudyCase known = cases.get(lower(code));
            if (known == null) {
                casesCreated++;
            }
            if (known == null || !known.belongsTo(subsampleId)) {
                known = caseService.importCase(studyId, known, code, subsampleId);
                cases.put(lower(code), known);
            }
            return known;
        }

        private long domain(String name) {
            return domainIds.computeIfAbsent(lower(name), k -> {
                domainsCreated++;
                return domainService.append(studyId, name, null, null).getId();
            });
        }

        private Category category(long domainId, Long parentId, String name) {
            return categoryByKey.computeIfAbsent(categoryKey(domainId, parentId, name), k -> {
                categoriesCreated++;
                int position = nextCategoryPosition.merge(domainId, 1, Integer::sum) - 1;
                return categories.save(new Category(studyId, domainId, parentId, CategoryService.checkedName(name), position));
            });
        }

        private static String categoryKey(long domainId, Long parentId, String name) {
            return domainId + "/" + parentId + "/" + lower(name);
        }

        private static String lower(String text) {
            return text.strip().toLowerCase(Locale.ROOT);
        }
    }
}
