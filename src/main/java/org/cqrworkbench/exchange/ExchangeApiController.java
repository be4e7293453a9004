package org.cqrworkbench.exchange;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ExchangeApiController {

    record Imported(long id, String name, List<String> warnings, Map<String, Integer> imported, List<String> accountsCreated) {
    }

    record CodebookImported(int added, List<String> kept, List<String> warnings) {
    }

    private final StudyExchange studies;
    private final CodebookExchange codebooks;
    private final MessageSource messages;

    ExchangeApiController(StudyExchange studies, CodebookExchange codebooks, MessageSource messages) {
        this.studies = studies;
        this.codebooks = codebooks;
        this.messages = messages;
    }

    @PostMapping("/api/studies/import")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importStudy(@RequestParam("file") MultipartFile file, Principal principal, Locale locale) {
        StudyExchange.Report report = studies.importStudy(principal.getName(), file.getOriginalFilename(), bytes(file));
        return new Imported(report.studyId(), report.studyName(), texts(report.warnings(), locale), report.imported(),
                report.accountsCreated());
    }

    @GetMapping("/api/studies/{studyId}/export.qdpx")
    void export(@PathVariable long studyId, Principal principal, HttpServletResponse response) {
        studies.export(studyId, principal.getName(), () -> Downloads.qdpx(response, studyId));
    }

    @GetMapping("/api/studies/{studyId}/codebook.qdc")
    ResponseEntity<byte[]> codebook(@PathVariable long studyId, Principal principal) {
        return Downloads.qdc(studyId, codebooks.export(studyId, principal.getName()));
    }

    /** A .qdc codebook, or a .csv one, added to the domain list. */
    @PostMapping("/api/studies/{studyId}/codebook")
    CodebookImported importCodebook(@PathVariable long studyId, @RequestParam("file") MultipartFile file, Principal principal,
            Locale locale) {
        CodebookExchange.Summary summary = codebooks.importAny(studyId, principal.getName(), file.getOriginalFilename(),
                bytes(file));
        return new CodebookImported(summary.added(), summary.kept(), texts(summary.warnings(), locale));
    }

    private List<String> texts(List<MessageSourceResolvable> warnings, Locale locale) {
        return warnings.stream().map(w -> messages.getMessage(w, locale)).toList();
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("upload.unreadable");
        }
    }
}
