package org.cqrworkbench.crossanalysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The downloads of a study's tables, shared by the tables page and the API. */
@Component
class TableExports {

    enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        CSV("csv", "text/csv;charset=UTF-8");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    private final AnalysisLoader loader;

    TableExports(AnalysisLoader loader) {
        this.loader = loader;
    }

    List<ResultsTable> tables(long studyId, String username) {
        return loader.load(studyId, username).tableBuilder().tables();
    }

    ResponseEntity<byte[]> download(long studyId, String username, Format format, boolean withCounts) {
        TableBuilder builder = loader.load(studyId, username).tableBuilder();
        List<ResultsTable> tables = builder.tables();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case XLSX -> TableXlsx.write(tables, builder.grids(), withCounts, out);
                case DOCX -> TableDocx.write(tables, withCounts, out);
                case CSV -> {
                    var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    TableCsv.write(tables, withCounts, writer);
                    writer.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cqr-tables-study-" + studyId + "." + format.extension).build().toString())
                .contentType(MediaType.parseMediaType(format.mediaType))
                .body(out.toByteArray());
    }
}
