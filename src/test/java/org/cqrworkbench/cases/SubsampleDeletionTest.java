package org.cqrworkbench.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptParts;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@FlowTest
class SubsampleDeletionTest {

    static final String TEXT = "Interviewer: About crying as a client?\n\nParticipant: Yes.\n\nInterviewer: And as a therapist?\n\nParticipant: Also.";

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    TranscriptParts parts;
    @Autowired
    DomainService domains;
    @Autowired
    CoreIdeaEditing coreIdeas;

    String lead;
    long studyId;
    long asClient;
    long asTherapist;
    StudyCase studyCase;
    Transcript transcript;

    @BeforeEach
    void dividedCase() {
        lead = data.user("lead");
        studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        asClient = caseService.design(studyId, lead).defaultSubsample().id();
        asTherapist = caseService.addSubsample(studyId, lead, "As therapist", null).getId();
        studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", Map.of(), null, Set.of(asClient, asTherapist)));
        transcript = transcripts.store(studyCase.getId(), TEXT, "P01.txt");
        parts.divide(studyId, lead, "P01", transcript.getVersion(), List.of(
                new TranscriptParts.Boundary(0, asClient), new TranscriptParts.Boundary(TEXT.indexOf("Interviewer: And"), asTherapist)));
        assertThat(parts.divisionOf(caseService.caseByCode(studyId, lead, "P01")).parts()).hasSize(2);
    }

    @Test
    void aSubsampleTheCaseLeftCanGoAndTheTranscriptAsksForItsPartsAgain() {
        StudyCase current = caseService.caseByCode(studyId, lead, "P01");
        caseService.updateCase(studyId, lead, current.getId(), current.getVersion(),
                new CaseService.CaseForm("P01", Map.of(), null, Set.of(asClient)));
        caseService.deleteSubsample(studyId, lead, asTherapist);
        assertThat(caseService.design(studyId, lead).subsamples()).extracting(SubsampleInfo::id).containsExactly(asClient);
        assertThat(parts.divisionOf(caseService.caseByCode(studyId, lead, "P01")).parts()).isEmpty();
    }

    @Test
    void aSubsampleWithCoreIdeasIsKeptWithAClearMessage() {
        long domain = domains.create(studyId, lead, "Event", null, null).getId();
        coreIdeas.add(studyId, lead, "P01", asTherapist, domain, "P cried as a therapist.", Set.of());
        StudyCase current = caseService.caseByCode(studyId, lead, "P01");
        caseService.updateCase(studyId, lead, current.getId(), current.getVersion(),
                new CaseService.CaseForm("P01", Map.of(), null, Set.of(asClient)));
        assertThatThrownBy(() -> caseService.deleteSubsample(studyId, lead, asTherapist))
                .hasMessage("subsample.delete.inUse");
        assertThat(caseService.design(studyId, lead).subsamples()).extracting(SubsampleInfo::id).contains(asTherapist);
        assertThat(parts.divisionOf(caseService.caseByCode(studyId, lead, "P01")).parts()).as("nothing changed").hasSize(2);
    }
}
