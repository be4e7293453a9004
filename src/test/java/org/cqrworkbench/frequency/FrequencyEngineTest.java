package org.cqrworkbench.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqrworkbench.frequency.FrequencyLabel.GENERAL;
import static org.cqrworkbench.frequency.FrequencyLabel.RARE;
import static org.cqrworkbench.frequency.FrequencyLabel.TYPICAL;
import static org.cqrworkbench.frequency.FrequencyLabel.VARIANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrequencyEngineTest {

    private static final FrequencyRules DEFAULT = FrequencyRules.DEFAULT;
    private static final FrequencyRules GENERAL_ALL = new FrequencyRules(GeneralRule.ALL, RareRule.AUTO);
    private static final FrequencyRules RARE_ON = new FrequencyRules(GeneralRule.ALL_BUT_ONE, RareRule.ON);
    private static final FrequencyRules RARE_OFF = new FrequencyRules(GeneralRule.ALL_BUT_ONE, RareRule.OFF);

    private static CountRange range(FrequencyLabel label, int from, int to) {
        return new CountRange(label, from, to);
    }

    // The worked examples of cqr-method.md, plus the small subsamples where ranges overlap or vanish.
    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(10, DEFAULT, List.of(range(GENERAL, 9, 10), range(TYPICAL, 6, 8), range(VARIANT, 2, 5))),
                Arguments.of(15, DEFAULT, List.of(range(GENERAL, 14, 15), range(TYPICAL, 8, 13), range(VARIANT, 2, 7))),
                Arguments.of(18, DEFAULT, List.of(range(GENERAL, 17, 18), range(TYPICAL, 10, 16),
                        range(VARIANT, 4, 9), range(RARE, 2, 3))),
                Arguments.of(6, GENERAL_ALL, List.of(range(GENERAL, 6, 6), range(TYPICAL, 4, 5), range(VARIANT, 2, 3))),
                Arguments.of(3, DEFAULT, List.of(range(GENERAL, 2, 3))),
                Arguments.of(3, GENERAL_ALL, List.of(range(GENERAL, 3, 3), range(TYPICAL, 2, 2))),
                Arguments.of(5, RARE_ON, List.of(range(GENERAL, 4, 5), range(TYPICAL, 3, 3), range(RARE, 2, 2))),
                Arguments.of(1, DEFAULT, List.of()),
                Arguments.of(0, DEFAULT, List.of()));
    }

    @ParameterizedTest(name = "N={0}, {1}")
    @MethodSource("examples")
    void rangesMatchTheWorkedExamples(int n, FrequencyRules rules, List<CountRange> expected) {
        assertThat(FrequencyEngine.ranges(n, rules)).containsExactlyElementsOf(expected);
    }

    @Test
    void smallSubsampleGivesAnOverlappingCountTheHighestLabel() {
        // With N = 3, two cases are both "all but one" and "more than half": General wins.
        assertThat(FrequencyEngine.label(2, 3, DEFAULT)).contains(GENERAL);
        assertThat(FrequencyEngine.label(2, 3, GENERAL_ALL)).contains(TYPICAL);
        assertThat(FrequencyEngine.label(3, 5, RARE_ON)).contains(TYPICAL);
    }

    @Test
    void sixteenIsTheFirstSizeWhereAutoUsesRare() {
        assertThat(FrequencyEngine.ranges(15, DEFAULT)).extracting(CountRange::label).doesNotContain(RARE);
        assertThat(FrequencyEngine.ranges(16, DEFAULT)).containsExactly(
                range(GENERAL, 15, 16), range(TYPICAL, 9, 14), range(VARIANT, 4, 8), range(RARE, 2, 3));
    }

    @Test
    void rareOffKeepsVariantDownToTwoCases() {
        assertThat(FrequencyEngine.ranges(18, RARE_OFF)).containsExactly(
                range(GENERAL, 17, 18), range(TYPICAL, 10, 16), range(VARIANT, 2, 9));
    }

    @Test
    void rareOnAppliesEvenToASmallSubsample() {
        assertThat(FrequencyEngine.ranges(10, RARE_ON)).containsExactly(
                range(GENERAL, 9, 10), range(TYPICAL, 6, 8), range(VARIANT, 4, 5), range(RARE, 2, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 16, 60})
    void singleCaseCategoryIsNeverReported(int n) {
        assertThat(FrequencyEngine.label(1, n, DEFAULT)).isEmpty();
        assertThat(FrequencyEngine.label(0, n, DEFAULT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 16, 60})
    void categoryFoundInEveryCaseIsGeneral(int n) {
        assertThat(FrequencyEngine.label(n, n, DEFAULT)).contains(GENERAL);
        assertThat(FrequencyEngine.label(n, n, GENERAL_ALL)).contains(GENERAL);
    }

    @Test
    void allButOneIsGeneralOnlyUnderTheDefaultRule() {
        assertThat(FrequencyEngine.label(9, 10, DEFAULT)).contains(GENERAL);
        assertThat(FrequencyEngine.label(9, 10, GENERAL_ALL)).contains(TYPICAL);
    }

    @Test
    void exactlyHalfIsVariantAndOneMoreIsTypical() {
        assertThat(FrequencyEngine.label(5, 10, DEFAULT)).contains(VARIANT);
        assertThat(FrequencyEngine.label(6, 10, DEFAULT)).contains(TYPICAL);
        assertThat(FrequencyEngine.label(7, 15, DEFAULT)).contains(VARIANT);
        assertThat(FrequencyEngine.label(8, 15, DEFAULT)).contains(TYPICAL);
    }

    @Test
    void rangesCannotBeModified() {
        assertThatThrownBy(() -> FrequencyEngine.ranges(10, DEFAULT).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void labelAllLabelsEachCategoryByItsDistinctCasesInInputOrder() {
        Map<String, Set<String>> cases = new LinkedHashMap<>();
        cases.put("zeta", Set.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"));
        cases.put("alpha", Set.of("c1"));
        cases.put("mid", Set.of("c1", "c2", "c3", "c4", "c5", "c6"));
        cases.put("empty", Set.of());
        cases.put("few", Set.of("c3", "c4"));

        Map<String, Optional<FrequencyLabel>> labels = FrequencyEngine.labelAll(10, DEFAULT, cases);

        assertThat(labels).containsExactly(
                Map.entry("zeta", Optional.of(GENERAL)),
                Map.entry("alpha", Optional.empty()),
                Map.entry("mid", Optional.of(TYPICAL)),
                Map.entry("empty", Optional.empty()),
                Map.entry("few", Optional.of(VARIANT)));
    }

    @Test
    void labelAllAcceptsAnyKeyTypeAndReturnsAnUnmodifiableMap() {
        Map<Long, Optional<FrequencyLabel>> labels = FrequencyEngine.labelAll(3, DEFAULT, Map.of(7L, Set.of(1, 2)));

        assertThat(labels).containsExactly(Map.entry(7L, Optional.of(GENERAL)));
        assertThatThrownBy(() -> labels.put(8L, Optional.empty())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void labelAllRejectsACategoryWithMoreCasesThanTheSubsampleNamingIt() {
        Map<String, Set<Integer>> cases = Map.of("Coping strategies", Set.of(1, 2, 3, 4));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> FrequencyEngine.labelAll(3, DEFAULT, cases))
                .withMessageContaining("Coping strategies");
    }

    @Test
    void labelAllRejectsANullCaseSetNamingTheCategory() {
        Map<String, Set<Integer>> cases = new LinkedHashMap<>();
        cases.put("Ruptures", null);

        assertThatNullPointerException()
                .isThrownBy(() -> FrequencyEngine.labelAll(3, DEFAULT, cases))
                .withMessageContaining("Ruptures");
    }

    @Test
    void describeWritesTheTableNote() {
        assertThat(FrequencyEngine.describe(FrequencyEngine.ranges(10, DEFAULT))).isEqualTo(
                "General categories = 9\u201310 cases; Typical categories = 6\u20138 cases; Variant categories = 2\u20135 cases");
    }

    @Test
    void describeWritesAOneNumberRangeAsASingleCount() {
        assertThat(FrequencyEngine.describe(FrequencyEngine.ranges(6, GENERAL_ALL))).isEqualTo(
                "General categories = 6 cases; Typical categories = 4\u20135 cases; Variant categories = 2\u20133 cases");
    }

    @Test
    void describeOfNoRangesIsEmpty() {
        assertThat(FrequencyEngine.describe(FrequencyEngine.ranges(1, DEFAULT))).isEmpty();
        assertThat(FrequencyEngine.describe(List.of())).isEmpty();
    }

    @Test
    void displayNamesAreCapitalisedAndLabelsRunHighestFirst() {
        assertThat(FrequencyLabel.values()).extracting(FrequencyLabel::displayName)
                .containsExactly("General", "Typical", "Variant", "Rare");
    }

    @Test
    void defaultRulesAreAllButOneWithAutomaticRare() {
        assertThat(FrequencyRules.DEFAULT).isEqualTo(new FrequencyRules(GeneralRule.ALL_BUT_ONE, RareRule.AUTO));
    }

    @Test
    void countRangeContainsBothEnds() {
        CountRange typical = range(TYPICAL, 6, 8);

        assertThat(typical.contains(5)).isFalse();
        assertThat(typical.contains(6)).isTrue();
        assertThat(typical.contains(8)).isTrue();
        assertThat(typical.contains(9)).isFalse();
    }

    @Test
    void negativeSubsampleSizeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyEngine.ranges(-1, DEFAULT))
                .withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyEngine.label(0, -1, DEFAULT));
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyEngine.labelAll(-1, DEFAULT, Map.of()));
    }

    @Test
    void negativeCaseCountIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyEngine.label(-1, 10, DEFAULT))
                .withMessageContaining("-1");
    }

    @Test
    void moreCasesThanTheSubsampleIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyEngine.label(11, 10, DEFAULT))
                .withMessageContaining("11").withMessageContaining("10");
    }

    @Test
    void missingRulesAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> FrequencyEngine.ranges(10, null));
        assertThatNullPointerException().isThrownBy(() -> FrequencyEngine.label(5, 10, null));
        assertThatNullPointerException().isThrownBy(() -> FrequencyEngine.labelAll(10, null, Map.of()));
        assertThatNullPointerException().isThrownBy(() -> FrequencyEngine.labelAll(10, DEFAULT, null));
        assertThatNullPointerException().isThrownBy(() -> FrequencyEngine.describe(null));
        assertThatNullPointerException().isThrownBy(() -> new FrequencyRules(null, RareRule.AUTO))
                .withMessageContaining("generalRule");
        assertThatNullPointerException().isThrownBy(() -> new FrequencyRules(GeneralRule.ALL, null))
                .withMessageContaining("rare");
    }

    @Test
    void invalidCountRangeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CountRange(VARIANT, 1, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new CountRange(VARIANT, 6, 5));
        assertThatNullPointerException().isThrownBy(() -> new CountRange(null, 2, 5));
    }

    @Test
    void aLabellerGivesEveryCountTheLabelOfOneAtATimeAndRejectsTheSameCounts() {
        for (int n = 0; n <= 40; n++) {
            for (GeneralRule general : GeneralRule.values()) {
                for (RareRule rare : RareRule.values()) {
                    FrequencyRules rules = new FrequencyRules(general, rare);
                    var labeller = FrequencyEngine.labeller(n, rules);
                    for (int cases = 0; cases <= n; cases++) {
                        assertThat(labeller.apply(cases)).as("%d of %d, %s", cases, n, rules)
                                .isEqualTo(FrequencyEngine.label(cases, n, rules));
                    }
                    int outside = n + 1;
                    assertThatIllegalArgumentException().isThrownBy(() -> labeller.apply(outside));
                    assertThatIllegalArgumentException().isThrownBy(() -> labeller.apply(-1));
                }
            }
        }
    }
}
