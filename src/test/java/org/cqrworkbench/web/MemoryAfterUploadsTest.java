package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MemoryAfterUploadsTest {

    @Test
    void aLargeUploadIsAnsweredThenItsMemoryCollected() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        var filter = new MemoryAfterUploads.AfterUploads(() -> {
            assertThat(response.isCommitted()).as("answered before collecting").isTrue();
            collections.incrementAndGet();
        });
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/studies/import");
        upload.setContent(new byte[(int) MemoryAfterUploads.LARGE]);

        filter.doFilter(upload, response, new MockFilterChain());

        assertThat(collections).hasValue(1);
    }

    @Test
    void pagesAndSmallUploadsAreNotFollowedByACollection() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        var filter = new MemoryAfterUploads.AfterUploads(collections::incrementAndGet);
        MockHttpServletRequest transcript = new MockHttpServletRequest("POST", "/studies/1/cases/P01/transcript");
        transcript.setContent(new byte[200_000]);

        filter.doFilter(transcript, new MockHttpServletResponse(), new MockFilterChain());
        filter.doFilter(new MockHttpServletRequest("GET", "/studies/1"), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(collections).hasValue(0);
    }
}
