package org.cqrworkbench.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages that bring studies and codebooks in, and the downloads that take them out. */
@Controller
class ExchangeController {

    private final StudyExchange studies;
    private final CodebookExchange codebooks;
    private final MessageSource messages;

    ExchangeController(StudyExchange studies, CodebookExchange codebooks, MessageSource messages) {
        this.studies = studies;
        this.codebooks = codebooks;
        this.messages = messages;
    }

    @GetMapping("/studies/import")
    String importForm() {
        return "exchange/import";
    }

    @PostMapping("/studies/import")
    String importStudy(@RequestParam("file") MultipartFile file, Principal principal, Locale locale, Model model) {
        try {
            StudyExchange.Report report = studies.importStudy(principal.getName(), file.getOriginalFilename(),
                    ExchangeApiController.bytes(file));
            model.addAttribute("report", report);
            model.addAttribute("warnings", report.warnings().stream().map(w -> messages.getMessage(w, locale)).toList());
            return "exchange/report";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            return "exchange/import";
        }
    }

    @GetMapping("/studies/{studyId}/export.qdpx")
    void export(@PathVariable long studyId, Principal principal, HttpServletResponse response) {
        studies.export(studyId, principal.getName(), () -> Downloads.qdpx(response, studyId));
    }

    @GetMapping("/studies/{studyId}/codebook.qdc")
    ResponseEntity<byte[]> codebook(@PathVariable long studyId, Principal principal) {
        return Downloads.qdc(studyId, codebooks.export(studyId, principal.getName()));
    }

    /** A codebook from the domains page: .qdc from another program, or .csv from a spreadsheet. */
    @PostMapping("/studies/{studyId}/codebook")
    String importCodebook(@PathVariable long studyId, @RequestParam("file") MultipartFile file, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        try {
            CodebookExchange.Summary summary = codebooks.importAny(studyId, principal.getName(), file.getOriginalFilename(),
                    ExchangeApiController.bytes(file));
            String added = messages.getMessage("domains.import.done", new Object[] {summary.added()}, locale);
            java.util.List<String> kept = summary.kept();
            java.util.List<String> warnings = summary.warnings().stream().map(w -> messages.getMessage(w, locale)).toList();
            StringBuilder notice = new StringBuilder(added);
            if (!kept.isEmpty()) {
                notice.append(' ').append(messages.getMessage("domains.import.skipped", new Object[] {String.join(", ", kept)}, locale));
            }
            warnings.forEach(w -> notice.append(' ').append(w));
            redirect.addFlashAttribute("notice", notice.toString());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:/studies/" + studyId + "/domains";
    }
}
