package org.cqrworkbench;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Repository queries go to Hibernate as they are written. Spring Data would otherwise parse each one again with a
 * grammar of its own, only to derive count queries and sort orders, which no query here asks for: that parser is some
 * hundreds of classes and a cache of parser states, a few megabytes the server kept for good.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = CqrWorkbenchApplication.class,
        queryEnhancerSelector = RepositoryQueries.AsWritten.class)
class RepositoryQueries {

    /** Spring Data's simple enhancer: it finds the alias and the projection, and leaves the query alone. */
    static class AsWritten implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
