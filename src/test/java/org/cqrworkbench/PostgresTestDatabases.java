package org.cqrworkbench;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@code -Dcqr.test.database=postgres}, every test application context gets a new, empty database of its
 * own on the JVM's embedded PostgreSQL server, in place of the in-memory H2 database of the test configuration.
 * The build runs the database tests (tagged {@value #TAG}) once on each.
 */
public class PostgresTestDatabases implements ContextCustomizerFactory {

    /** Tag of the tests that run again on PostgreSQL. */
    public static final String TAG = "database";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return "postgres".equals(System.getProperty("cqr.test.database")) ? new NewDatabase() : null;
    }

    /** Equal to every other, so contexts are cached as they are on H2; only a context that is built gets a database. */
    private record NewDatabase() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            String url = EmbeddedPostgres.get().newDatabase();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded PostgreSQL", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", EmbeddedPostgres.USER,
                    "spring.datasource.password", EmbeddedPostgres.PASSWORD,
                    // @DataJpaTest would otherwise swap in an embedded H2 database.
                    "spring.test.database.replace", "none")));
        }
    }
}
