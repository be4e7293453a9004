package org.cqrworkbench.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the engine against an oracle written straight from the method's definitions, for every subsample
 * size up to 60 under every combination of rules, so that the shortcuts the engine takes cannot hide a mistake.
 */
class FrequencyEngineOracleTest {

    static Stream<Arguments> everySizeAndRules() {
        return IntStream.rangeClosed(1, 60).boxed().flatMap(n -> Stream.of(GeneralRule.values())
                .flatMap(general -> Stream.of(RareRule.values())
                        .map(rare -> Arguments.of(n, new FrequencyRules(general, rare)))));
    }

    /** The definition, label by label, highest first: the first label whose nominal rule holds wins. */
    static Optional<FrequencyLabel> oracle(int c, int n, FrequencyRules rules) {
        if (c < 2) {
            return Optional.empty();
        }
        boolean rareInUse = rules.rare() == RareRule.ON || (rules.rare() == RareRule.AUTO && n > 15);
        int generalStart = rules.generalRule() == GeneralRule.ALL ? n : n - 1;
        double half = n / 2.0;
        if (c >= generalStart && c <= n) {
            return Optional.of(FrequencyLabel.GENERAL);
        }
        if (c > half && c < generalStart) {
            return Optional.of(FrequencyLabel.TYPICAL);
        }
        if (c >= (rareInUse ? 4 : 2) && c <= half) {
            return Optional.of(FrequencyLabel.VARIANT);
        }
        if (rareInUse && c <= 3) {
            return Optional.of(FrequencyLabel.RARE);
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "N={0}, {1}")
    @MethodSource("everySizeAndRules")
    void labelAgreesWithTheDefinitionForEveryCount(int n, FrequencyRules rules) {
        for (int c = 0; c <= n; c++) {
            assertThat(FrequencyEngine.label(c, n, rules)).as("c=%d", c).isEqualTo(oracle(c, n, rules));
        }
    }

    @ParameterizedTest(name = "N={0}, {1}")
    @MethodSource("everySizeAndRules")
    void rangesAreNonEmptyDisjointAndOrderedHighestFirst(int n, FrequencyRules rules) {
        List<CountRange> ranges = FrequencyEngine.ranges(n, rules);
        for (int i = 1; i < ranges.size(); i++) {
            CountRange higher = ranges.get(i - 1);
            CountRange lower = ranges.get(i);
            assertThat(lower.label()).isGreaterThan(higher.label());
            assertThat(lower.to()).as("%s below %s", lower, higher).isLessThan(higher.from());
        }
        assertThat(ranges).allSatisfy(r -> assertThat(r.from()).isBetween(2, r.to()));
    }

    @ParameterizedTest(name = "N={0}, {1}")
    @MethodSource("everySizeAndRules")
    void rangesCoverExactlyTheReportableCounts(int n, FrequencyRules rules) {
        List<Integer> covered = new ArrayList<>();
        FrequencyEngine.ranges(n, rules).forEach(r -> IntStream.rangeClosed(r.from(), r.to()).forEach(covered::add));
        List<Integer> reportable = IntStream.rangeClosed(0, n)
                .filter(c -> oracle(c, n, rules).isPresent()).boxed().toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(reportable);
        // Every count a table could meet from 2 cases up gets some label under any rules.
        assertThat(reportable).containsExactlyElementsOf(IntStream.rangeClosed(2, n).boxed().toList());
    }

    @ParameterizedTest(name = "N={0}, {1}")
    @MethodSource("everySizeAndRules")
    void rangesAgreeWithLabel(int n, FrequencyRules rules) {
        List<CountRange> ranges = FrequencyEngine.ranges(n, rules);
        for (int c = 0; c <= n; c++) {
            int count = c;
            Optional<FrequencyLabel> fromRanges =
                    ranges.stream().filter(r -> r.contains(count)).map(CountRange::label).findFirst();
            assertThat(FrequencyEngine.label(c, n, rules)).as("c=%d", c).isEqualTo(fromRanges);
        }
    }
}
