package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.transcript.TranscriptService.Consent;
import org.cqrworkbench.transcript.TranscriptService.Outcome;
import org.cqrworkbench.transcript.UnplacedCoding;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@FlowTest
class TranscriptAnchoringTest {

    static final String OLD = "Interviewer: What happened?\n\nParticipant: I cried in session with her.\n\n"
            + "Interviewer: And afterwards?\n\nParticipant: My supervisor was kind about it.";

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    CodingService codingService;
    @Autowired
    CodingRepository codings;
    @Autowired
    TranscriptService transcriptService;
    @Autowired
    TranscriptRepository transcripts;

    String lead;
    String judge;
    long studyId;
    StudyCase studyCase;
    Domain event;
    Domain consequences;

    @BeforeEach
    void codedCase() {
        lead = data.user("lead");
        judge = data.user("judge");
        studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        studyCase = caseService.createCase(studyId, lead, new CaseForm("P01", null, null, null));
        event = domainService.create(studyId, lead, "Event", null, null);
        consequences = domainService.create(studyId, lead, "Consequences", null, null);
        transcriptService.put(studyId, lead, "P01", transcriptService.paste(OLD), Consent.NONE);
        // Coded independently first, so the judge's coding stays in a private draft.
        caseService.setCodingMode(studyId, lead, studyCase.getId(), org.cqrworkbench.cases.CodingMode.INDEPENDENT);
        code(event, "I cried in session with her.", true);
        code(consequences, "My supervisor was kind about it.", false);
    }

    @Test
    void codingsMoveWithTheirWordsWhenTextIsInsertedBeforeThem() {
        String inserted = "Interviewer: Thank you for coming.\n\n" + OLD;
        Outcome outcome = transcriptService.put(studyId, lead, "P01", transcriptService.paste(inserted),
                new Consent(true, false, 0));

        assertThat(outcome.replaced()).isTrue();
        assertThat(outcome.unplaced()).isEmpty();
        List<Coding> moved = codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId());
        assertThat(moved).extracting(c -> inserted.substring(c.getStart(), c.getEnd()))
                .containsExactly("I cried in session with her.", "My supervisor was kind about it.");
        assertThat(transcripts.findByCaseId(studyCase.getId()).orElseThrow().getBody()).isEqualTo(inserted);
    }

    @Test
    void theCodingPageShowsAReplacedTranscriptOnceItIsReplaced() {
        CodingService.CodingPageView before = codingService.page(studyId, judge, "P01");
        assertThat(before.turnsMarkup()).contains("I cried in session with her.");
        assertThat(codingService.page(studyId, judge, "P01").turnsMarkup()).as("shown again unchanged").isSameAs(before.turnsMarkup());
        assertThat(before.consensusIds()).hasSize(1);

        String inserted = "Interviewer: Thank you for coming.\n\n" + OLD;
        transcriptService.put(studyId, lead, "P01", transcriptService.paste(inserted), new Consent(true, false, 0));

        String after = codingService.page(studyId, judge, "P01").turnsMarkup();
        assertThat(after).contains("Thank you for coming.").contains("I cried in session with her.");
        assertThat(after).isEqualTo(TurnsMarkup.of(org.cqrworkbench.transcript.TranscriptText.turns(inserted)));
    }

    @Test
    void replacingATranscriptWithCodingsNeedsConsentAndStoresNothingWithoutIt() {
        String other = OLD.replace("My supervisor was kind about it.", "My supervisor said nothing.");
        assertThatThrownBy(() -> transcriptService.put(studyId, lead, "P01", transcriptService.paste(other), Consent.NONE))
                .isInstanceOf(ConflictException.class).hasMessage("transcript.replace.confirm");
        assertThatThrownBy(() -> transcriptService.put(studyId, lead, "P01", transcriptService.paste(other),
                new Consent(true, false, 0)))
                .isInstanceOf(InvalidInputException.class).hasMessage("transcript.replace.notNoted");
        assertThat(transcripts.findByCaseId(studyCase.getId()).orElseThrow().getBody()).isEqualTo(OLD);
        assertThat(codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId())).hasSize(2);
    }

    @Test
    void aCodingWhoseWordsAreGoneIsReportedInFullWithItsDomainAndRemoved() {
        String other = OLD.replace("My supervisor was kind about it.", "My supervisor said nothing.");
        var preview = transcriptService.preview(studyId, lead, "P01", transcriptService.paste(other));
        assertThat(preview.codings()).isEqualTo(2);
        assertThat(preview.unplaced()).hasSize(1);

        Outcome outcome = transcriptService.put(studyId, lead, "P01", transcriptService.paste(other),
                new Consent(true, true, 1));

        assertThat(outcome.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.domain()).isEqualTo("Consequences");
            assertThat(u.text()).isEqualTo("My supervisor was kind about it.");
            assertThat(u.draftOf()).isEqualTo("JUDGE");
        });
        assertThat(codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId()))
                .singleElement().extracting(Coding::getDomainId).isEqualTo(event.getId());
    }

    @Test
    void moreUnplaceableCodingsThanTheUserWasShownRefusesTheReplacement() {
        String other = OLD.replace("My supervisor was kind about it.", "My supervisor said nothing.")
                .replace("I cried in session with her.", "I wept.");
        assertThatThrownBy(() -> transcriptService.put(studyId, lead, "P01", transcriptService.paste(other),
                new Consent(true, true, 1)))
                .isInstanceOf(ConflictException.class).hasMessage("transcript.replace.changed");
        assertThat(codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId())).hasSize(2);
    }

    @Test
    void firstWordsShortenALongCodingForLists() {
        UnplacedCoding coding = new UnplacedCoding("Event", "one two three four five six seven eight nine ten eleven twelve thirteen", null);
        assertThat(coding.firstWords()).isEqualTo("one two three four five six seven eight nine ten eleven twelve …");
    }

    private void code(Domain domain, String words, boolean consensus) {
        int start = OLD.indexOf(words);
        codingService.code(studyId, consensus ? lead : judge, "P01", domain.getId(), start, start + words.length(), consensus);
    }
}
