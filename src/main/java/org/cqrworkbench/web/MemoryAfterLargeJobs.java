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
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the memory a large job took back to the system once it has been answered. Importing a whole study (a .qdpx
 * archive, a cross-analysis spreadsheet) fills a few hundred megabytes of heap for some seconds, and so does exporting
 * a whole study; the collector would then keep the heap at that size until its next full collection, which on a quiet
 * server may be days away. One full collection after the job lets the heap shrink to what the workbench holds
 * (MaxHeapFreeRatio in jvm.options), for a pause of about a tenth of a second after a job that took longer. Pages are
 * never followed by one: they leave little garbage, which dies young.
 */
@Configuration(proxyBeanMethods = false)
class MemoryAfterLargeJobs {

    /**
     * Uploads from this size on are imports of many transcripts or a whole analysis, and downloads exports of a whole
     * study; a single transcript, or a table's workbook, is smaller.
     */
    static final long LARGE = 2L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> memoryAfterLargeJobsFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new AfterLargeJobs(System::gc));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class AfterLargeJobs extends OncePerRequestFilter {

        private final Runnable collect;

        AfterLargeJobs(Runnable collect) {
            this.collect = collect;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (request.getContentLengthLong() >= LARGE || isLargeDownload(response)) {
                // The answer goes out first: the person who sent or asked for the file does not wait for the collection.
                response.flushBuffer();
                collect.run();
            }
        }

        /**
         * An export of a whole study: every export is sent as an attachment, and the large ones are streamed without a
         * length known beforehand or are as large as a large upload. A table's workbook is not: teams download several
         * in a row, and each would wait for the collection after the one before.
         */
        private static boolean isLargeDownload(HttpServletResponse response) {
            String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
            if (disposition == null || !disposition.startsWith("attachment")) {
                return false;
            }
            String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null || Long.parseLong(length) >= LARGE;
        }
    }
}
