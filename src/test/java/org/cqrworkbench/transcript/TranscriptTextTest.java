package org.cqrworkbench.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqrworkbench.transcript.TranscriptText.Turn;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    @Test
    void normalisingTurnsAnyLineEndIntoNewlineAndDropsTheByteOrderMark() {
        assertThat(TranscriptText.normalise("\uFEFFI: one\r\nP: two\rthree\n")).isEqualTo("I: one\nP: two\nthree\n");
    }

    @Test
    void paragraphsBecomeTurnsWithTheirSpeakerAndOffsetsIntoTheText() {
        String body = "Interviewer: How was it?\n\nParticipant: Hard. [pause]\nReally hard.\n\nA note without speaker.";
        List<Turn> turns = TranscriptText.turns(body);
        assertThat(turns).extracting(Turn::speaker).containsExactly("Interviewer", "Participant", null);
        assertThat(turns.get(1).text()).isEqualTo("Hard. [pause]\nReally hard.");
        for (Turn turn : turns) {
            assertThat(body.substring(turn.start(), turn.end())).endsWith(turn.text());
        }
    }

    @Test
    void turnsSplitWhereverABlankLinePatternWouldSplitEvenOnOddWhiteSpace() {
        Random random = new Random(7);
        char[] letters = {'a', 'b', ' ', '\t', '\n', '\n', '\r', '\f', 'P', ':'};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(letters[random.nextInt(letters.length)]);
            }
            String body = text.toString();
            assertThat(TranscriptText.turns(body)).as("turns of %s", body.replace("\n", "\\n")).isEqualTo(turnsByPattern(body));
        }
    }

    /** The turns as a split on the pattern of a blank line gives them. */
    private static List<Turn> turnsByPattern(String body) {
        Pattern speaker = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N} .'’-]{0,38}):[ \\t]+");
        List<Turn> turns = new ArrayList<>();
        int position = 0;
        for (String paragraph : body.split("\n\\s*\n", -1)) {
            int start = body.indexOf(paragraph, position);
            int end = start + paragraph.length();
            position = end;
            if (!paragraph.isBlank()) {
                Matcher label = speaker.matcher(paragraph);
                turns.add(label.find() ? new Turn(label.group(1), paragraph.substring(label.end()), start, end)
                        : new Turn(null, paragraph, start, end));
            }
        }
        return turns;
    }

    @Test
    void aColonInsideASentenceIsNotASpeakerLabel() {
        List<Turn> turns = TranscriptText.turns("She said this to me, and I quote: no more.");
        assertThat(turns).singleElement().extracting(Turn::speaker).isNull();
    }

    @Test
    void wordsAreCountedOnWhiteSpace() {
        assertThat(TranscriptText.wordCount("  one two\n\nthree ")).isEqualTo(3);
        assertThat(TranscriptText.wordCount("   ")).isZero();
    }

    @Test
    void aSpanFollowsItsWordsWhenTextIsInsertedBeforeIt() {
        String old = "I: Hello.\n\nP: I cried in session.";
        String inserted = "I: Before we start, thank you.\n\n" + old;
        int start = old.indexOf("cried");
        assertThat(TranscriptText.relocate(old, inserted, start, start + 5)).hasValue(inserted.indexOf("cried"));
    }

    @Test
    void aRepeatedPhraseGoesToTheOccurrenceNearestItsOldPlace() {
        String talk = " and I felt it in my chest, and I did not know what to say to her then. ";
        String old = "P: yes." + talk + "P: yes." + talk + "P: yes." + talk;
        String changed = "I: Welcome back.\n\n" + old;
        int second = old.indexOf("yes", 10);
        assertThat(TranscriptText.relocate(old, changed, second, second + 3)).hasValue(second + 18);
    }

    @Test
    void aSpanWhoseWordsAreGoneCannotBePlaced() {
        String old = "P: I cried in session.";
        assertThat(TranscriptText.relocate(old, "P: I wept in session.", 5, 10)).isEmpty();
        assertThat(TranscriptText.relocate(old, old, 5, 99)).isEmpty();
    }
}
