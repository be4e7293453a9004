package org.cqrworkbench.crossanalysis;

import java.util.List;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.study.Study;

/** Everything the cross-analysis views need about one study, loaded together. */
record Analysis(Study study, StudyDesign design, List<Domain> domains, List<CategoryNode> categories, CategoryCounts counts) {

    TableBuilder tableBuilder() {
        return new TableBuilder(study.getName(), design, domains, categories, counts, study.abbreviationList());
    }
}
