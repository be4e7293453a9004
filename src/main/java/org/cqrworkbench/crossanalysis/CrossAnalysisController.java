package org.cqrworkbench.crossanalysis;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cross-analysis pages. Every change is a plain form post that redirects back, so the page works
 * without script; htmx and app.js turn the same forms into in-place updates, drag and drop and keys.
 */
@Controller
@RequestMapping("/studies/{studyId}/cross-analysis")
class CrossAnalysisController {

    private final StudyAccess access;
    private final AnalysisLoader loader;
    private final CategoryService categoryService;
    private final CrossAnalysisImport importer;
    private final CaseService caseService;
    private final DomainService domainService;
    private final MessageSource messages;

    CrossAnalysisController(StudyAccess access, AnalysisLoader loader, CategoryService categoryService,
            CrossAnalysisImport importer, CaseService caseService, DomainService domainService,
            MessageSource messages) {
        this.access = access;
        this.loader = loader;
        this.categoryService = categoryService;
        this.importer = importer;
        this.caseService = caseService;
        this.domainService = domainService;
        this.messages = messages;
    }

    /** The step's start: the first domain's workspace. It needs only the domains and subsamples, never the analysis. */
    @GetMapping
    String start(@PathVariable long studyId, @RequestParam(required = false) Long subsample, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        List<Domain> domains = domainService.domains(studyId, principal.getName());
        List<SubsampleInfo> subsamples = caseService.subsamples(studyId, principal.getName());
        if (domains.isEmpty()) {
            common(model, me, subsamples, domains);
            return "crossanalysis/empty";
        }
        return "redirect:" + workspaceUrl(studyId, domains.get(0).getId(), subsampleOf(subsamples, subsample).id());
    }

    /**
     * One domain's workspace. On a large domain the cases' core ideas load as their groups are opened; an in-place
     * update (htmx) names the groups open in the page in the {@code X-Open-Cases} header, and they come back open.
     */
    @GetMapping("/domains/{domainId}")
    String workspace(@PathVariable long studyId, @PathVariable long domainId, @RequestParam(required = false) Long subsample,
            @RequestParam(defaultValue = "false") boolean unplaced,
            @RequestHeader(name = "X-Open-Cases", required = false) List<Long> openCases, Principal principal, Locale locale,
            Model model) {
        var loaded = loader.loadDomain(studyId, principal.getName(), domainId);
        Domain domain = domainOf(loaded.domains(), domainId);
        SubsampleInfo chosen = subsampleOf(loaded.subsamples(), subsample);
        var ideas = loaded.ideas().stream().filter(i -> i.subsampleId() == chosen.id()).toList();
        long shown = unplaced ? ideas.stream().filter(i -> !loaded.placements().containsKey(i.id())).count() : ideas.size();
        boolean lazy = shown > Workspace.SHOWN_AT_ONCE;
        Set<Long> open = new HashSet<>();
        if (lazy && openCases != null) {
            ideas.forEach(i -> open.add(i.caseId()));
            open.retainAll(openCases);
        }
        var texts = loader.ideaTexts(studyId, domainId, chosen.id(), lazy ? open : null);
        common(model, access.member(studyId, principal.getName()), loaded.subsamples(), loaded.domains());
        model.addAttribute("workspace", Workspace.of(loaded, domain, chosen, ideas, texts, open, unplaced, lazy,
                new Workspace.Texts(messages, locale)));
        model.addAttribute("onlyUnplaced", unplaced);
        return "crossanalysis/workspace";
    }

    /** The core ideas of one case in a domain's workspace, for a group opened on a large domain. */
    @GetMapping("/domains/{domainId}/cases/{caseId}")
    String caseIdeas(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long caseId,
            @RequestParam(required = false) Long subsample, @RequestParam(defaultValue = "false") boolean unplaced,
            Principal principal, Locale locale, Model model) {
        var loaded = loader.loadDomain(studyId, principal.getName(), domainId);
        SubsampleInfo chosen = subsampleOf(loaded.subsamples(), subsample);
        Domain domain = domainService.domain(studyId, principal.getName(), domainId);
        var texts = loader.ideaTexts(studyId, domainId, chosen.id(), Set.of(caseId));
        model.addAttribute("group", Workspace.group(loaded, domain, chosen, caseId, texts, unplaced,
                new Workspace.Texts(messages, locale)));
        model.addAttribute("mayEdit", access.member(studyId, principal.getName()).getRole().mayEditAnalysis());
        return "crossanalysis/workspace :: ideas";
    }

    @GetMapping("/grid")
    String grid(@PathVariable long studyId, @RequestParam(required = false) Long subsample, Principal principal, Model model) {
        Analysis analysis = loader.load(studyId, principal.getName());
        SubsampleInfo chosen = subsampleOf(analysis.design().subsamples(), subsample);
        common(model, studyId, principal, analysis);
        model.addAttribute("subsample", chosen);
        model.addAttribute("grid", analysis.tableBuilder().grid(analysis.design().subsamples().indexOf(chosen) + 1, chosen));
        return "crossanalysis/grid";
    }

    @GetMapping("/compare")
    String compare(@PathVariable long studyId, Principal principal, Model model) {
        Analysis analysis = loader.load(studyId, principal.getName());
        common(model, studyId, principal, analysis);
        model.addAttribute("comparison", Comparison.of(analysis));
        return "crossanalysis/compare";
    }

    @PostMapping("/import")
    String importFile(@PathVariable long studyId, @RequestParam("file") MultipartFile file, Principal principal,
            Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("import.empty");
            }
            var summary = importer.importFile(studyId, principal.getName(), file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("notice", messages.getMessage("import.done", new Object[] {summary.rows(),
                    summary.coreIdeasCreated(), summary.categoriesCreated(), summary.casesCreated(), summary.domainsCreated()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:/studies/" + studyId + "/cross-analysis";
    }

    @PostMapping("/domains/{domainId}/categories")
    String create(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long subsample,
            @RequestParam String name, @RequestParam(required = false) Long parentId,
            @RequestParam(name = "idea", required = false) Set<Long> ideas,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect, () -> {
            Category created = categoryService.create(studyId, principal.getName(), domainId, parentId, name);
            if (ideas != null && !ideas.isEmpty()) {
                categoryService.place(studyId, principal.getName(), created.getId(), ideas);
            }
        });
    }

    @PostMapping("/domains/{domainId}/categories/{categoryId}")
    String describe(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long categoryId,
            @RequestParam long subsample, @RequestParam long version, @RequestParam String name,
            @RequestParam(required = false) String description, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.describe(studyId, principal.getName(), categoryId, version, name, description));
    }

    @PostMapping("/domains/{domainId}/categories/{categoryId}/move")
    String move(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long categoryId,
            @RequestParam long subsample, @RequestParam String direction, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.move(studyId, principal.getName(), categoryId, "up".equals(direction)));
    }

    /** One form for the whole page: which category goes under which (or back to the top level). */
    @PostMapping("/domains/{domainId}/nest")
    String nest(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long subsample, @RequestParam long source,
            @RequestParam(required = false) Long parentId, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.nest(studyId, principal.getName(), source, parentId));
    }

    /** One form for the whole page, so the choice of categories is listed once rather than once per category. */
    @PostMapping("/domains/{domainId}/merge")
    String merge(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long subsample, @RequestParam long source,
            @RequestParam long targetId, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.merge(studyId, principal.getName(), source, targetId));
    }

    @PostMapping("/domains/{domainId}/categories/{categoryId}/split")
    String split(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long categoryId,
            @RequestParam long subsample, @RequestParam(name = "idea", required = false) Set<Long> ideas,
            @RequestParam String name, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.split(studyId, principal.getName(), categoryId, ideas, name));
    }

    @PostMapping("/domains/{domainId}/categories/{categoryId}/delete")
    String delete(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long categoryId,
            @RequestParam long subsample, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.delete(studyId, principal.getName(), categoryId));
    }

    @PostMapping("/domains/{domainId}/place")
    String place(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long subsample,
            @RequestParam(required = false) Long categoryId, @RequestParam(name = "idea", required = false) Set<Long> ideas,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect, () -> {
            if (categoryId == null) {
                throw new InvalidInputException("category.place.target");
            }
            categoryService.place(studyId, principal.getName(), categoryId, ideas);
        });
    }

    @PostMapping("/domains/{domainId}/categories/{categoryId}/remove")
    String remove(@PathVariable long studyId, @PathVariable long domainId, @PathVariable long categoryId,
            @RequestParam long subsample, @RequestParam("idea") Set<Long> ideas, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        return act(studyId, domainId, subsample, locale, redirect,
                () -> categoryService.remove(studyId, principal.getName(), categoryId, ideas));
    }

    private String act(long studyId, long domainId, long subsample, Locale locale, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:" + workspaceUrl(studyId, domainId, subsample);
    }

    private void common(Model model, long studyId, Principal principal, Analysis analysis) {
        common(model, access.member(studyId, principal.getName()), analysis.design().subsamples(), analysis.domains());
    }

    private static void common(Model model, StudyMember me, List<SubsampleInfo> subsamples, List<Domain> domains) {
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "crossanalysis");
        model.addAttribute("subsamples", subsamples);
        model.addAttribute("domains", domains);
        model.addAttribute("mayEdit", me.getRole().mayEditAnalysis());
    }

    private static Domain domainOf(List<Domain> domains, long domainId) {
        return domains.stream().filter(d -> d.getId() == domainId).findFirst()
                .orElseThrow(() -> new NotFoundException("domain.notFound"));
    }

    private static SubsampleInfo subsampleOf(List<SubsampleInfo> all, Long subsampleId) {
        if (subsampleId == null) {
            return all.get(0);
        }
        return all.stream().filter(s -> s.id() == subsampleId).findFirst()
                .orElseThrow(() -> new NotFoundException("subsample.notFound"));
    }

    private static String workspaceUrl(long studyId, long domainId, long subsampleId) {
        return "/studies/" + studyId + "/cross-analysis/domains/" + domainId + "?subsample=" + subsampleId;
    }
}
