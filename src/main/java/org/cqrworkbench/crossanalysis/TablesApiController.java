package org.cqrworkbench.crossanalysis;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.cqrworkbench.crossanalysis.TableExports.Format;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/studies/{studyId}")
class TablesApiController {

    private final TableExports exports;
    private final CrossAnalysisImport importer;

    TablesApiController(TableExports exports, CrossAnalysisImport importer) {
        this.exports = exports;
        this.importer = importer;
    }

    @GetMapping("/tables")
    List<ResultsTable> tables(@PathVariable long studyId, Principal principal) {
        return exports.tables(studyId, principal.getName());
    }

    @GetMapping("/tables.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long studyId, @RequestParam(defaultValue = "false") boolean counts, Principal principal) {
        return exports.download(studyId, principal.getName(), Format.XLSX, counts);
    }

    @GetMapping("/tables.docx")
    ResponseEntity<byte[]> docx(@PathVariable long studyId, @RequestParam(defaultValue = "false") boolean counts, Principal principal) {
        return exports.download(studyId, principal.getName(), Format.DOCX, counts);
    }

    @GetMapping("/tables.csv")
    ResponseEntity<byte[]> csv(@PathVariable long studyId, @RequestParam(defaultValue = "false") boolean counts, Principal principal) {
        return exports.download(studyId, principal.getName(), Format.CSV, counts);
    }

    @PostMapping("/cross-analysis/import")
    @ResponseStatus(HttpStatus.CREATED)
    CrossAnalysisImport.Summary importFile(@PathVariable long studyId, @RequestParam("file") MultipartFile file,
            Principal principal) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("import.empty");
        }
        return importer.importFile(studyId, principal.getName(), file.getOriginalFilename(), file.getBytes());
    }
}
