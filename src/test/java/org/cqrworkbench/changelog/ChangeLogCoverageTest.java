package org.cqrworkbench.changelog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The change log hears Hibernate's entity events; bulk statements pass Hibernate by and would change the analysis
 * unseen. These rules fail the build when someone adds one for a logged item.
 */
class ChangeLogCoverageTest {

    /** The logged entities and their tables, including the two link tables. */
    private static final Pattern LOGGED = Pattern.compile(
            "\\b(Domain|Coding|CoreIdea|Category|domain|coding|core_idea|category|category_core_idea|core_idea_coding)\\b");

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cqrworkbench");

    @Test
    void noBulkUpdateOrDeleteTouchesALoggedItem() {
        methods().that().areAnnotatedWith(Modifying.class).should(new ArchCondition<JavaMethod>("leave logged items alone") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String statement = method.getAnnotationOfType(Query.class).value();
                if (LOGGED.matcher(statement).find()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " changes logged items in bulk: " + statement));
                }
            }
        }).allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingDeletesInBatchesPastHibernate() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a repository's batch delete",
                (JavaAccess<?> call) -> call.getTarget().getName().endsWith("InBatch"))).check(classes);
    }
}
