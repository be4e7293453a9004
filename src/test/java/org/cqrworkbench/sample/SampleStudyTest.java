package org.cqrworkbench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "cqr.sample-study=true")
class SampleStudyTest {

    @Autowired
    StudyService studies;
    @Autowired
    CaseService cases;
    @Autowired
    TranscriptRepository transcripts;

    @Test
    void firstStartLoadsTheSampleStudyLedByTheAdministrator() {
        List<StudyMember> mine = studies.studiesOf("admin");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getRole()).isEqualTo(StudyRole.LEAD);
        long studyId = mine.get(0).getStudy().getId();
        assertThat(studies.team(studyId, "admin")).extracting(StudyMember::getRole)
                .contains(StudyRole.LEAD, StudyRole.JUDGE, StudyRole.AUDITOR);
        assertThat(studies.team(studyId, "admin")).allSatisfy(m -> assertThat(m.getBiases() != null || m.getRole() == StudyRole.LEAD).isTrue());
    }

    @Test
    void sampleStudyHasThreeSubsamplesWithTheirOwnN() {
        StudyDesign design = cases.design(sampleStudyId(), "admin");
        assertThat(design.subsamples()).extracting(SubsampleInfo::name)
                .containsExactly("Cried as therapist", "Cried as client", "Therapist cried");
        assertThat(design.subsamples()).extracting(SubsampleInfo::n).containsExactly(5L, 7L, 4L);
        assertThat(design.subsamples()).allSatisfy(s -> assertThat(s.tableTitle()).startsWith("Domains, Categories, and Frequencies"));
    }

    @Test
    void everySampleCaseHasAttributesAndAVerbatimTranscriptOfAtLeast1500Words() {
        StudyDesign design = cases.design(sampleStudyId(), "admin");
        assertThat(design.cases()).hasSizeGreaterThanOrEqualTo(6);
        for (StudyCase c : design.cases()) {
            assertThat(c.getAttributes()).containsKeys("age", "gender", "ethnicity", "program");
            String body = transcripts.findByCaseId(c.getId()).orElseThrow().getBody();
            assertThat(TranscriptText.wordCount(body)).as(c.getCode()).isGreaterThanOrEqualTo(1500);
            assertThat(TranscriptText.turns(body)).extracting(TranscriptText.Turn::speaker)
                    .contains("Interviewer", "Participant");
        }
    }

    private long sampleStudyId() {
        return studies.studiesOf("admin").get(0).getStudy().getId();
    }
}
