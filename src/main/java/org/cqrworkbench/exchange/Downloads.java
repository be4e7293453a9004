package org.cqrworkbench.exchange;

import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How exported files are handed to the browser or a script. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> qdpx(long studyId, byte[] content) {
        return file(content, "study-" + studyId + "-" + LocalDate.now() + ".qdpx", "application/zip");
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
