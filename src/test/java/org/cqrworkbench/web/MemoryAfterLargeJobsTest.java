package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MemoryAfterLargeJobsTest {

    @Test
    void aLargeUploadIsAnsweredThenItsMemoryCollected() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        var filter = collectingOnceAnswered(response, collections);
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/studies/import");
        upload.setContent(new byte[(int) MemoryAfterLargeJobs.LARGE]);

        filter.doFilter(upload, response, new MockFilterChain());

        assertThat(collections).hasValue(1);
    }

    @Test
    void aStudysExportIsSentThenItsMemoryCollected() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        var filter = collectingOnceAnswered(response, collections);
        MockFilterChain export = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("study.qdpx").build().toString());
            }
        });

        filter.doFilter(new MockHttpServletRequest("GET", "/studies/1/export.qdpx"), response, export);

        assertThat(collections).hasValue(1);
    }

    @Test
    void pagesSmallUploadsAndSmallDownloadsAreNotFollowedByACollection() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        var filter = new MemoryAfterLargeJobs.AfterLargeJobs(collections::incrementAndGet);
        MockHttpServletRequest transcript = new MockHttpServletRequest("POST", "/studies/1/cases/P01/transcript");
        transcript.setContent(new byte[200_000]);
        MockFilterChain workbook = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tables.xlsx").build().toString());
                res.setContentLength(150_000);
            }
        });

        filter.doFilter(transcript, new MockHttpServletResponse(), new MockFilterChain());
        filter.doFilter(new MockHttpServletRequest("GET", "/studies/1"), new MockHttpServletResponse(), new MockFilterChain());
        filter.doFilter(new MockHttpServletRequest("GET", "/studies/1/tables.xlsx"), new MockHttpServletResponse(), workbook);

        assertThat(collections).hasValue(0);
    }

    /** The filter, with a collection that counts itself and checks that the answer went out first. */
    private static MemoryAfterLargeJobs.AfterLargeJobs collectingOnceAnswered(MockHttpServletResponse response,
            AtomicInteger collections) {
        return new MemoryAfterLargeJobs.AfterLargeJobs(() -> {
            assertThat(response.isCommitted()).as("answered before collecting").isTrue();
            collections.incrementAndGet();
        });
    }
}
