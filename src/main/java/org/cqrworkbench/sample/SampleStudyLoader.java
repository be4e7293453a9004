package org.cqrworkbench.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.account.AccountService;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.Subsample;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.cqrworkbench.server.FirstStartLock;
import org.cqrworkbench.study.Study;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptParts;
import org.cqrworkbench.transcript.TranscriptParts.Boundary;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.transcript.TranscriptText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the sample study from the files in sample-transcripts/ (packed under sample-study/ on the
 * classpath) through the same services the pages use, so it is a study like any other.
 * It runs once, on a database with no study at all; the administrator leads it.
 */
@Component
@Order(10)
class SampleStudyLoader implements ApplicationRunner {

    static final String LEAD = "admin";
    private static final Logger log = LoggerFactory.getLogger(SampleStudyLoader.class);
    private static final String FOLDER = "sample-study/";

    /** The sample team. Their passwords are random and never shown; the administrator can reset them to try each role. */
    private record SampleMember(String username, String displayName, StudyRole role, String biases) {
    }

    private static final List<SampleMember> TEAM = List.of(
            new SampleMember("r.alvarez", "Rosa Alvarez", StudyRole.JUDGE,
                    "I cried once with a client early in my training and felt it helped; I expect to find that tears "
                            + "deepen the relationship and may underweight accounts where they did harm."),
            new SampleMember("d.mensah", "Daniel Mensah", StudyRole.JUDGE,
                    "I was taught that a therapist's tears burden the client. I expect trainees to report shame and "
                            + "worry about professionalism, and I will need to watch for reading that into neutral accounts."),
            new SampleMember("k.lindqvist", "Kaisa Lindqvist", StudyRole.AUDITOR,
                    "As an experienced supervisor I expect supervision to be central to how trainees make sense of "
                            + "crying; I will check that the team does not see supervision where participants did not mention it."));

    private final StudyService studyService;
    private final CaseService caseService;
    private final TranscriptService transcriptService;
    private final TranscriptParts transcriptParts;
    private final AccountService accountService;
    private final CrossAnalysisImport crossAnalysisImport;
    private final SampleCodings sampleCodings;
    private final SampleAudit sampleAudit;
    private final UserAccountRepository accounts;
    private final FirstStartLock firstStart;
    private final boolean enabled;

    SampleStudyLoader(StudyService studyService, CaseService caseService, TranscriptService transcriptService,
            TranscriptParts transcriptParts, AccountService accountService, CrossAnalysisImport crossAnalysisImport,
            SampleCodings sampleCodings, SampleAudit sampleAudit, UserAccountRepository accounts, FirstStartLock firstStart,
            @Value("${cqr.sample-study}") boolean enabled) {
        this.studyService = studyService;
        this.caseService = caseService;
        this.transcriptService = transcriptService;
        this.transcriptParts = transcriptParts;
        this.accountService = accountService;
        this.crossAnalysisImport = crossAnalysisImport;
        this.sampleCodings = sampleCodings;
        this.sampleAudit = sampleAudit;
        this.accounts = accounts;
        this.firstStart = firstStart;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        firstStart.holdUntilCommit();
        if (studyService.anyStudyExists() || accounts.findByUsername(LEAD).isEmpty()) {
            return;
        }
        Study study = studyService.create(LEAD, new StudyDetails(
                "Crying in psychotherapy: trainee therapists' experiences",
                "Sample study. Eight graduate trainee therapists were interviewed about three kinds of event: "
                        + "crying as a therapist with a client, crying as a client in their own therapy, and their own "
                        + "therapist crying with them. The transcripts are fictional, written for this workbench.",
                "How do trainee therapists experience crying in psychotherapy, as therapists, as clients, and when "
                        + "their own therapist cries with them?",
                "C = Client\nT = Therapist\nP = Participant"));
        long studyId = study.getId();
        for (SampleMember member : TEAM) {
            if (accounts.findByUsername(member.username()).isEmpty()) {
                accountService.createUser(member.username(), AccountService.randomPassword(), member.displayName());
            }
            var added = studyService.addMember(studyId, LEAD, member.username(), member.role());
            studyService.recordBiases(studyId, member.username(), added.getVersion(), member.biases());
        }
        List<CaseRow> rows = readCases();
        Map<String, Long> subsampleIds = createSubsamples(studyId, rows);
        for (CaseRow row : rows) {
            var ids = new LinkedHashSet<Long>();
            row.subsamples().forEach(name -> ids.add(subsampleIds.get(name)));
            StudyCase created = caseService.createCase(studyId, LEAD, new CaseForm(row.code(), row.attributes(), null, ids));
            Transcript transcript = transcriptService.store(created.getId(), read(row.code() + ".txt"), row.code() + ".txt");
            if (ids.size() > 1) {
                transcriptParts.divide(studyId, LEAD, row.code(), transcript.getVersion(),
                        sectionStarts(transcript.getBody(), subsampleIds, ids));
            }
        }
        // The team's finished cross-analysis arrives the way a team's own spreadsheet would.
        var analysis = crossAnalysisImport.importFile(studyId, LEAD, "cross-analysis.csv",
                read("cross-analysis.csv").getBytes(StandardCharsets.UTF_8));
        sampleCodings.code(studyId, LEAD, TEAM.get(0).username(), TEAM.get(1).username());
        sampleAudit.run(studyId, LEAD, TEAM.get(0).username(), TEAM.get(1).username(), TEAM.get(2).username());
        log.info("Loaded the sample study '{}' with {} cases and {} core ideas.", study.getName(), rows.size(),
                analysis.coreIdeasCreated());
    }

    /** The three subsamples, in the order the interview asked about them; the default one is renamed to the first. */
    private Map<String, Long> createSubsamples(long studyId, List<CaseRow> rows) {
        List<String> names = rows.stream().flatMap(r -> r.subsamples().stream()).distinct().toList();
        var design = caseService.design(studyId, LEAD);
        var first = design.defaultSubsample();
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : SUBSAMPLE_ORDER) {
            if (!names.contains(name)) {
                continue;
            }
            String title = TABLE_TITLES.get(name);
            if (ids.isEmpty()) {
                caseService.updateSubsample(studyId, LEAD, first.id(), first.version(), name, title);
                ids.put(name, first.id());
            } else {
                Subsample added = caseService.addSubsample(studyId, LEAD, name, title);
                ids.put(name, added.getId());
            }
        }
        return ids;
    }

    /** The interviewer's words that open each section of a sample interview (see sample-transcripts/README.md). */
    private static final Map<String, String> SECTION_OPENINGS = Map.of(
            "Let's talk about a time you cried as a therapist", "Cried as therapist",
            "Let's talk about a time you cried as a client in your own therapy", "Cried as client",
            "Let's talk about a time your own therapist cried with you", "Therapist cried");

    /**
     * A part starts at each section about one of the case's subsamples. A section about an event the participant
     * never had stays with the part before it; the opening before the first section goes with the first part.
     */
    static List<Boundary> sectionStarts(String body, Map<String, Long> subsampleIds, java.util.Set<Long> caseSubsamples) {
        List<Boundary> boundaries = new ArrayList<>();
        for (TranscriptText.Turn turn : TranscriptText.turns(body)) {
            if (!"Interviewer".equals(turn.speaker())) {
                continue;
            }
            SECTION_OPENINGS.forEach((opening, subsample) -> {
                Long id = subsampleIds.get(subsample);
                if (turn.text().startsWith(opening) && id != null && caseSubsamples.contains(id)) {
                    boundaries.add(new Boundary(turn.start(), id));
                }
            });
        }
        return boundaries;
    }

    private static final List<String> SUBSAMPLE_ORDER = List.of("Cried as therapist", "Cried as client", "Therapist cried");

    private static final Map<String, String> TABLE_TITLES = Map.of(
            "Cried as therapist", "Domains, Categories, and Frequencies of Findings Regarding Trainees Crying as Therapists",
            "Cried as client", "Domains, Categories, and Frequencies of Findings Regarding Trainees Crying as Clients",
            "Therapist cried", "Domains, Categories, and Frequencies of Findings Regarding Trainees' Therapists Crying");

    record CaseRow(String code, Map<String, String> attributes, List<String> subsamples) {
    }

    /** cases.csv: code, attribute columns, and subsamples separated by ';'. The file is ours, so plain splitting suffices. */
    static List<CaseRow> readCases() {
        String[] lines = read("cases.csv").strip().split("\\R");
        String[] header = lines[0].split(",");
        List<CaseRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> subsamples = List.of();
            for (int c = 1; c < header.length; c++) {
                String name = header[c].trim();
                if (name.equals("subsamples")) {
                    subsamples = List.of(cells[c].split(";")).stream().map(String::trim).toList();
                } else {
                    attributes.put(name.replace('_', ' '), cells[c].trim());
                }
            }
            rows.add(new CaseRow(cells[0].trim(), attributes, subsamples));
        }
        return rows;
    }

    private static String read(String name) {
        try (InputStream in = new ClassPathResource(FOLDER + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Sample study file missing: " + name, e);
        }
    }
}
