package org.cqrworkbench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole-application test driven through MockMvc, on its own in-memory database, without the sample study.
 * The build runs it on H2 and again on PostgreSQL ({@link PostgresTestDatabases}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "cqr.sample-study=false")
@AutoConfigureMockMvc
@Import(TestData.class)
@Tag(PostgresTestDatabases.TAG)
public @interface FlowTest {
}
