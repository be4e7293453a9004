package org.cqrworkbench.coreidea;

import java.security.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.CodingService.CaseCodings;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The core ideas of one case, domain by domain: the raw data coded into the domain on one side, the core ideas
 * that abstract it on the other, each linked to the spans it came from.
 */
@Controller
class CoreIdeasPage {

    public record RawData(long codingId, String text, boolean abstracted) {
    }

    public record IdeaView(long id, long version, String text, Set<Long> codingIds) {
    }

    public record DomainTab(Domain domain, int ideas) {
    }

    private final CodingService codingService;
    private final DomainService domainService;
    private final CaseService caseService;
    private final CoreIdeaRepository coreIdeas;
    private final CoreIdeaEditing editing;
    private final CodingSubsamples codingSubsamples;
    private final MessageSource messages;

    CoreIdeasPage(CodingService codingService, DomainService domainService, CaseService caseService, CoreIdeaRepository coreIdeas,
            CoreIdeaEditing editing, CodingSubsamples codingSubsamples, MessageSource messages) {
        this.codingService = codingService;
        this.domainService = domainService;
        this.caseService = caseService;
        this.coreIdeas = coreIdeas;
        this.editing = editing;
        this.codingSubsamples = codingSubsamples;
        this.messages = messages;
    }

    @GetMapping("/studies/{studyId}/cases/{code}/core-ideas")
    String page(@PathVariable long studyId, @PathVariable String code, @RequestParam(required = false) Long subsample,
            @RequestParam(required = false) Long domain, Principal principal, Model model) {
        CaseCodings view = codingService.caseCodings(studyId, principal.getName(), code);
        StudyCase studyCase = view.studyCase();
        // The subsamples and the codes of the chosen one's cases, not the study's cases whole: a large study has hundreds.
        List<SubsampleInfo> ofCase = caseService.subsamples(studyId, principal.getName()).stream()
                .filter(s -> studyCase.belongsTo(s.id())).toList();
        SubsampleInfo chosen = subsample == null ? ofCase.get(0)
                : ofCase.stream().filter(s -> s.id() == subsample).findFirst().orElseThrow(() -> new NotFoundException("subsample.notFound"));
        List<Domain> domains = domainService.domains(studyId, principal.getName());
        if (domains.isEmpty()) {
            throw new InvalidInputException("coreIdea.noDomains");
        }
        Domain current = domain == null ? domains.get(0)
                : domains.stream().filter(d -> d.getId() == domain).findFirst().orElseThrow(() -> new NotFoundException("domain.notFound"));

        List<CoreIdea> ideasOfCase = coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId()).stream()
                .filter(i -> i.getSubsampleId() == chosen.id()).toList();
        Map<Long, Integer> perDomain = new HashMap<>();
        ideasOfCase.forEach(i -> perDomain.merge(i.getDomainId(), 1, Integer::sum));
        List<CoreIdea> ideas = ideasOfCase.stream().filter(i -> i.getDomainId().equals(current.getId()))
                .sorted(java.util.Comparator.comparingInt(CoreIdea::getPosition).thenComparing(CoreIdea::getId)).toList();
        Set<Long> linked = new HashSet<>();
        ideas.forEach(i -> linked.addAll(i.getCodingIds()));

        String body = view.transcript() == null ? "" : view.transcript().getBody();
        Map<Long, Long> subsampleOfCoding = codingSubsamples.of(studyCase, view.consensus(), ofCase);
        List<RawData> raw = view.consensus().stream()
                .filter(c -> c.getDomainId().equals(current.getId()) && subsampleOfCoding.get(c.getId()) == chosen.id())
                .map(c -> new RawData(c.getId(), body.substring(c.getStart(), c.getEnd()), linked.contains(c.getId())))
                .toList();

        List<String> casesInSubsample = caseService.caseCodesIn(studyId, principal.getName(), chosen.id());
        int at = casesInSubsample.indexOf(studyCase.getCode());
        int domainAt = domains.indexOf(current);

        model.addAttribute("study", view.viewer().getStudy());
        model.addAttribute("me", view.viewer());
        model.addAttribute("section", "cases");
        model.addAttribute("studyCase", studyCase);
        model.addAttribute("subsamplesOfCase", ofCase);
        model.addAttribute("subsample", chosen);
        model.addAttribute("domain", current);
        model.addAttribute("tabs", domains.stream().map(d -> new DomainTab(d, perDomain.getOrDefault(d.getId(), 0))).toList());
        model.addAttribute("raw", raw);
        model.addAttribute("ideas", ideas.stream().map(i -> new IdeaView(i.getId(), i.getVersion(), i.getBody(), i.getCodingIds())).toList());
        model.addAttribute("unabstracted", raw.stream().filter(r -> !r.abstracted()).count());
        model.addAttribute("previousCase", at > 0 ? casesInSubsample.get(at - 1) : null);
        model.addAttribute("nextCase", at >= 0 && at < casesInSubsample.size() - 1 ? casesInSubsample.get(at + 1) : null);
        model.addAttribute("previousDomain", domainAt > 0 ? domains.get(domainAt - 1).getId() : null);
        model.addAttribute("nextDomain", domainAt < domains.size() - 1 ? domains.get(domainAt + 1).getId() : null);
        model.addAttribute("steps", caseService.steps(studyId, principal.getName(), studyCase.getId()));
        model.addAttribute("mayEdit", view.viewer().getRole().mayEditAnalysis());
        return "coreidea/core-ideas";
    }

    @PostMapping("/studies/{studyId}/cases/{code}/core-ideas")
    String add(@PathVariable long studyId, @PathVariable String code, @RequestParam long subsample, @RequestParam long domain,
            @RequestParam String text, @RequestParam(name = "coding", required = false) Set<Long> codings, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        try {
            editing.add(studyId, principal.getName(), code, subsample, domain, text, codings);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("draftText", text);
        }
        return back(studyId, code, subsample, domain);
    }

    @PostMapping("/studies/{studyId}/cases/{code}/core-ideas/{id}")
    String rewrite(@PathVariable long studyId, @PathVariable String code, @PathVariable long id, @RequestParam long subsample,
            @RequestParam long domain, @RequestParam long version, @RequestParam String text, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        try {
            editing.rewrite(studyId, principal.getName(), id, version, text);
        } catch (CoreIdeaConflict e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("conflictId", id);
            redirect.addFlashAttribute("theirs", e.saved().getBody());
            redirect.addFlashAttribute("yours", text);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId, code, subsample, domain);
    }

    @PostMapping("/studies/{studyId}/cases/{code}/core-ideas/{id}/{action}")
    String act(@PathVariable long studyId, @PathVariable String code, @PathVariable long id, @PathVariable String action,
            @RequestParam long subsample, @RequestParam long domain, @RequestParam(required = false) Long version,
            @RequestParam(name = "coding", required = false) Set<Long> codings, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "up", "down" -> editing.move(studyId, principal.getName(), id, action.equals("up"));
                case "link" -> editing.link(studyId, principal.getName(), id, codings);
                case "unlink" -> editing.unlink(studyId, principal.getName(), id, codings == null ? -1 : codings.iterator().next());
                case "delete" -> editing.delete(studyId, principal.getName(), id, version == null ? -1 : version);
                default -> throw new NotFoundException("coreIdea.notFound");
            }
        } catch (InvalidInputException | CoreIdeaConflict e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId, code, subsample, domain);
    }

    @PostMapping("/studies/{studyId}/cases/{code}/steps")
    String step(@PathVariable long studyId, @PathVariable String code, @RequestParam CaseStep step, @RequestParam boolean done,
            @RequestParam long subsample, @RequestParam long domain, Principal principal, Locale locale, RedirectAttributes redirect) {
        long caseId = caseService.caseByCode(studyId, principal.getName(), code).getId();
        caseService.markStep(studyId, principal.getName(), caseId, step, done);
        redirect.addFlashAttribute("notice", messages.getMessage("step.saved", null, locale));
        return back(studyId, code, subsample, domain);
    }

    private static String back(long studyId, String code, long subsample, long domain) {
        return "redirect:/studies/" + studyId + "/cases/" + code + "/core-ideas?subsample=" + subsample + "&domain=" + domain;
    }
}
