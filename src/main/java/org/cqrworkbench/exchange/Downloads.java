package org.cqrworkbench.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How exported files are handed to the browser or a script. */
final class Downloads {

    private Downloads() {
    }

    /**
     * The response as a .qdpx download, written as it is made: a large study's archive is never held in memory. Its
     * length is not known before the end, so it goes out in chunks.
     */
    static OutputStream qdpx(HttpServletResponse response, long studyId) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("study-" + studyId + "-" + LocalDate.now() + ".qdpx").build().toString());
        return response.getOutputStream();
    }

    static ResponseEntity<byte[]> qdc(long studyId, byte[] content) {
        return file(content, "study-" + studyId + "-codebook.qdc", "application/xml");
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type))
                .body(content);
    }
}
