package org.cqrworkbench.cases;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/studies/{studyId}/cases")
class CasesController {

    private final StudyAccess access;
    private final CaseService caseService;
    private final MessageSource messages;

    CasesController(StudyAccess access, CaseService caseService, MessageSource messages) {
        this.access = access;
        this.caseService = caseService;
        this.messages = messages;
    }

    @GetMapping
    String list(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        StudyDesign design = caseService.design(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("design", design);
        model.addAttribute("attributeNames", design.attributeNames());
        return "cases/cases";
    }

    @PostMapping
    String add(@PathVariable long studyId, Principal principal, @RequestParam String code,
            @RequestParam(name = "attrName", required = false) List<String> names,
            @RequestParam(name = "attrValue", required = false) List<String> values,
            @RequestParam(name = "subsample", required = false) Set<Long> subsampleIds,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            caseService.createCase(studyId, principal.getName(), new CaseForm(code, attributes(names, values), null, subsampleIds));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("newCode", code);
            return list(studyId, principal, model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("case.added", new Object[] {code.trim()}, locale));
        return "redirect:/studies/" + studyId + "/cases";
    }

    @GetMapping("/{code}")
    String show(@PathVariable long studyId, @PathVariable String code, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("design", caseService.design(studyId, principal.getName()));
        model.addAttribute("studyCase", studyCase);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CaseForm(studyCase.getCode(), studyCase.getAttributes(), studyCase.getNotes(),
                    studyCase.getSubsampleIds()));
            model.addAttribute("version", studyCase.getVersion());
        }
        return "cases/case";
    }

    @PostMapping("/{code}")
    String save(@PathVariable long studyId, @PathVariable String code, Principal principal, @RequestParam long id,
            @RequestParam long version, @RequestParam("newCode") String newCode,
            @RequestParam(name = "attrName", required = false) List<String> names,
            @RequestParam(name = "attrValue", required = false) List<String> values,
            @RequestParam(required = false) String notes,
            @RequestParam(name = "subsample", required = false) Set<Long> subsampleIds,
            Model model, Locale locale, RedirectAttributes redirect) {
        CaseForm form = new CaseForm(newCode, attributes(names, values), notes, subsampleIds);
        try {
            StudyCase saved = caseService.updateCase(studyId, principal.getName(), id, version, form);
            redirect.addFlashAttribute("notice", messages.getMessage("case.saved", new Object[] {saved.getCode()}, locale));
            return "redirect:/studies/" + studyId + "/cases/" + saved.getCode();
        } catch (InvalidInputException | ConflictException e) {
            String page = show(studyId, code, principal, model);
            model.addAttribute("error", e.localizedMessage(messages, locale));
            if (e instanceof ConflictException) {
                model.addAttribute("saved", model.getAttribute("form"));
            } else {
                model.addAttribute("version", version);
            }
            model.addAttribute("form", form);
            return page;
        }
    }

    /** Attribute rows come as two parallel lists from the form; an empty row is simply ignored. */
    private static Map<String, String> attributes(List<String> names, List<String> values) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (names == null) {
            return attributes;
        }
        for (int i = 0; i < names.size(); i++) {
            String value = values != null && i < values.size() ? values.get(i) : "";
            String name = names.get(i) == null ? "" : names.get(i).trim();
            if (attributes.containsKey(name) && !name.isEmpty()) {
                throw new InvalidInputException("case.attribute.duplicate", name);
            }
            if (!name.isEmpty() || !value.isBlank()) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }
}
