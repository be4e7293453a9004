package org.cqrworkbench.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the memory a large upload took back to the system once it has been answered. Importing a whole study (a
 * .qdpx archive, a cross-analysis spreadsheet) fills a few hundred megabytes of heap for some seconds; the collector
 * would then keep the heap at that size until its next full collection, which on a quiet server may be days away. One
 * full collection after the upload lets the heap shrink to what the workbench holds (MaxHeapFreeRatio in
 * jvm.options), for a pause of about a tenth of a second after a job of several seconds.
 */
@Configuration(proxyBeanMethods = false)
class MemoryAfterUploads {

    /** Uploads from this size on are imports of many transcripts or a whole analysis; a single transcript is smaller. */
    static final long LARGE = 2L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> memoryAfterUploadsFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new AfterUploads(System::gc));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class AfterUploads extends OncePerRequestFilter {

        private final Runnable collect;

        AfterUploads(Runnable collect) {
            this.collect = collect;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (request.getContentLengthLong() >= LARGE) {
                // The answer goes out first: the person who uploaded does not wait for the collection.
                response.flushBuffer();
                collect.run();
            }
        }
    }
}
