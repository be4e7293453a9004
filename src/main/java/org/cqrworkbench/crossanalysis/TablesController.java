package org.cqrworkbench.crossanalysis;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.crossanalysis.TableExports.Format;
import org.cqrworkbench.frequency.FrequencyRules;
import org.cqrworkbench.frequency.GeneralRule;
import org.cqrworkbench.frequency.RareRule;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The results tables, shown exactly as they export, with their downloads and each subsample's rules. */
@Controller
class TablesController {

    private final StudyAccess access;
    private final AnalysisLoader loader;
    private final TableExports exports;
    private final CaseService caseService;
    private final MessageSource messages;

    TablesController(StudyAccess access, AnalysisLoader loader, TableExports exports, CaseService caseService,
            MessageSource messages) {
        this.access = access;
        this.loader = loader;
        this.exports = exports;
        this.caseService = caseService;
        this.messages = messages;
    }

    @GetMapping("/studies/{studyId}/tables")
    String tables(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        Analysis analysis = loader.load(studyId, principal.getName());
        model.addAttribute("study", analysis.study());
        model.addAttribute("me", me);
        model.addAttribute("section", "tables");
        model.addAttribute("design", analysis.design());
        model.addAttribute("tables", analysis.tableBuilder().tables());
        model.addAttribute("generalRules", GeneralRule.values());
        model.addAttribute("rareRules", RareRule.values());
        return "crossanalysis/tables";
    }

    @GetMapping("/studies/{studyId}/tables.{extension}")
    ResponseEntity<byte[]> download(@PathVariable long studyId, @PathVariable String extension,
            @RequestParam(defaultValue = "false") boolean counts, Principal principal) {
        Format format = switch (extension) {
            case "xlsx" -> Format.XLSX;
            case "docx" -> Format.DOCX;
            case "csv" -> Format.CSV;
            default -> throw new org.cqrworkbench.web.NotFoundException("tables.format");
        };
        return exports.download(studyId, principal.getName(), format, counts);
    }

    @PostMapping("/studies/{studyId}/subsamples/{subsampleId}/rules")
    String rules(@PathVariable long studyId, @PathVariable long subsampleId, @RequestParam GeneralRule generalRule,
            @RequestParam RareRule rare, Principal principal, Locale locale, RedirectAttributes redirect) {
        caseService.changeRules(studyId, principal.getName(), subsampleId, new FrequencyRules(generalRule, rare));
        redirect.addFlashAttribute("notice", messages.getMessage("tables.rules.saved", null, locale));
        return "redirect:/studies/" + studyId + "/tables";
    }
}
