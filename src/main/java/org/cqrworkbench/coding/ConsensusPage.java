package org.cqrworkbench.coding;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cqrworkbench.coding.CodingService.CaseCodings;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptText;
import org.cqrworkbench.transcript.TranscriptText.Turn;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consensus page of an independently coded case: the judges' finished drafts side by side, turn by turn,
 * with the turns where they differ marked, the agreement figures, and the consensus the team builds from them.
 */
@Controller
class ConsensusPage {

    public record CodingView(long id, long version, String domain, int domainIndex, String excerpt, boolean wholeTurn,
            boolean inConsensus, String decidedBy) {
    }

    public record Row(Turn turn, List<List<CodingView>> drafts, List<CodingView> consensus, boolean differs) {
    }

    public record Judge(long id, String name) {
    }

    public record Pair(String first, String second, Double alikeOverall, Double kappa, List<DomainShare> domains) {
    }

    public record DomainShare(String domain, Double alike) {
    }

    private final CodingService codingService;
    private final DomainService domainService;
    private final StudyService studyService;
    private final MessageSource messages;

    ConsensusPage(CodingService codingService, DomainService domainService, StudyService studyService, MessageSource messages) {
        this.codingService = codingService;
        this.domainService = domainService;
        this.studyService = studyService;
        this.messages = messages;
    }

    @GetMapping("/studies/{studyId}/cases/{code}/consensus")
    String page(@PathVariable long studyId, @PathVariable String code, Principal principal, Model model) {
        CaseCodings view = codingService.caseCodings(studyId, principal.getName(), code);
        List<Domain> domains = domainService.domains(studyId, principal.getName());
        Map<Long, Domain> domainById = domains.stream().collect(Collectors.toMap(Domain::getId, d -> d));
        Map<Long, Integer> domainIndex = new HashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            domainIndex.put(domains.get(i).getId(), i % 10);
        }
        Map<Long, String> names = studyService.team(studyId, principal.getName()).stream()
                .collect(Collectors.toMap(m -> m.getUser().getId(), m -> m.getUser().getDisplayName()));

        // The viewer's own draft joins the comparison once it is done; drafts of others only show when done.
        Map<Long, List<Coding>> drafts = new java.util.TreeMap<>(view.otherDrafts());
        long me = view.viewer().getUser().getId();
        if (view.ownDraftDone()) {
            drafts.put(me, view.ownDraft());
        }
        List<Judge> judges = drafts.keySet().stream().map(id -> new Judge(id, names.getOrDefault(id, "?"))).toList();

        List<Row> rows = new ArrayList<>();
        String body = view.transcript() == null ? "" : view.transcript().getBody();
        List<Turn> turns = view.transcript() == null ? List.of() : TranscriptText.turns(body);
        for (Turn turn : turns) {
            List<List<CodingView>> perJudge = new ArrayList<>();
            List<Set<String>> signatures = new ArrayList<>();
            for (List<Coding> draft : drafts.values()) {
                List<Coding> here = within(draft, turn);
                perJudge.add(here.stream().map(c -> view(c, turn, body, domainById, domainIndex, view.consensus(), names)).toList());
                signatures.add(here.stream().map(c -> c.getDomainId() + ":" + c.getStart() + "-" + c.getEnd()).collect(Collectors.toSet()));
            }
            List<CodingView> consensus = within(view.consensus(), turn).stream()
                    .map(c -> view(c, turn, body, domainById, domainIndex, List.of(), names)).toList();
            boolean differs = signatures.stream().distinct().count() > 1;
            rows.add(new Row(turn, perJudge, consensus, differs));
        }

        List<Pair> pairs = new ArrayList<>();
        List<Agreement.Span> spans = turns.stream().map(t -> new Agreement.Span(t.end() - t.text().length(), t.end())).toList();
        List<Long> ids = new ArrayList<>(drafts.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                var result = Agreement.between(drafts.get(ids.get(i)), drafts.get(ids.get(j)), spans);
                List<DomainShare> shares = result.alikeByDomain().entrySet().stream()
                        .map(e -> new DomainShare(domainById.containsKey(e.getKey()) ? domainById.get(e.getKey()).getName() : "?", e.getValue()))
                        .toList();
                pairs.add(new Pair(names.get(ids.get(i)), names.get(ids.get(j)), result.alikeOverall(), result.kappa(), shares));
            }
        }

        StudyMember viewer = view.viewer();
        model.addAttribute("study", viewer.getStudy());
        model.addAttribute("me", viewer);
        model.addAttribute("section", "cases");
        model.addAttribute("studyCase", view.studyCase());
        model.addAttribute("judges", judges);
        model.addAttribute("rows", rows);
        model.addAttribute("pairs", pairs);
        model.addAttribute("waiting", view.draftsDone().size() < 2);
        model.addAttribute("mayEdit", viewer.getRole().mayEditAnalysis());
        model.addAttribute("differing", rows.stream().filter(Row::differs).count());
        return "coding/consensus";
    }

    @PostMapping("/studies/{studyId}/cases/{code}/consensus/accept")
    String accept(@PathVariable long studyId, @PathVariable String code, @RequestParam long codingId, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        codingService.accept(studyId, principal.getName(), codingId);
        redirect.addFlashAttribute("notice", messages.getMessage("consensus.accepted", null, locale));
        return back(studyId, code);
    }

    @PostMapping("/studies/{studyId}/cases/{code}/consensus/remove")
    String remove(@PathVariable long studyId, @PathVariable String code, @RequestParam long codingId, @RequestParam long version,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        try {
            codingService.remove(studyId, principal.getName(), codingId, version);
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId, code);
    }

    private static String back(long studyId, String code) {
        return "redirect:/studies/" + studyId + "/cases/" + code + "/consensus";
    }

    private static List<Coding> within(List<Coding> codings, Turn turn) {
        int textStart = turn.end() - turn.text().length();
        return codings.stream().filter(c -> c.getStart() < turn.end() && c.getEnd() > textStart).toList();
    }

    private static CodingView view(Coding c, Turn turn, String body, Map<Long, Domain> domains, Map<Long, Integer> index,
            List<Coding> consensus, Map<Long, String> names) {
        int textStart = turn.end() - turn.text().length();
        boolean whole = c.getStart() <= textStart && c.getEnd() >= turn.end();
        String excerpt = body.substring(Math.max(c.getStart(), textStart), Math.min(c.getEnd(), turn.end()));
        if (excerpt.length() > 90) {
            excerpt = excerpt.substring(0, 90) + "…";
        }
        boolean inConsensus = consensus.stream().anyMatch(k -> k.getDomainId().equals(c.getDomainId())
                && k.getStart() == c.getStart() && k.getEnd() == c.getEnd());
        Domain domain = domains.get(c.getDomainId());
        return new CodingView(c.getId(), c.getVersion(), domain == null ? "?" : domain.getName(),
                index.getOrDefault(c.getDomainId(), 0), excerpt, whole, inConsensus,
                c.getDecidedBy() == null ? null : names.get(c.getDecidedBy()));
    }
}
