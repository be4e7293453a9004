package org.cqrworkbench.transcript;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.TranscriptService.Consent;
import org.cqrworkbench.transcript.TranscriptService.Outcome;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Importing a case's transcript from a script. Reading it with its codings is the coding module's endpoint. */
@RestController
class TranscriptApiController {

    record ImportedJson(String caseCode, int characters, int words) {
    }

    record ReplacedJson(String caseCode, int characters, int words, List<UnplacedCoding> unplaced) {
    }

    private final StudyAccess access;
    private final TranscriptService transcriptService;

    TranscriptApiController(StudyAccess access, TranscriptService transcriptService) {
        this.access = access;
        this.transcriptService = transcriptService;
    }

    /**
     * A script cannot look at a warning, so replacing a transcript that has codings needs `replace=true`;
     * the answer then lists the codings that could not be placed and were removed.
     */
    @PostMapping("/api/studies/{studyId}/cases/{code}/transcript")
    ResponseEntity<?> importFile(@PathVariable long studyId, @PathVariable String code,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace, Principal principal) throws IOException {
        access.analyst(studyId, principal.getName());
        if (file == null) {
            throw new InvalidInputException("upload.unreadable");
        }
        var incoming = transcriptService.read(file.getOriginalFilename(), file.getBytes());
        Outcome outcome = transcriptService.put(studyId, principal.getName(), code, incoming, new Consent(replace, replace, 0));
        if (outcome.replaced()) {
            return ResponseEntity.ok(new ReplacedJson(outcome.caseCode(), outcome.characters(), outcome.words(),
                    outcome.unplaced()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ImportedJson(outcome.caseCode(), outcome.characters(), outcome.words()));
    }
}
