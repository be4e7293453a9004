package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.cqrworkbench.coding.Agreement.Span;
import org.junit.jupiter.api.Test;

class AgreementTest {

    static final List<Span> TURNS = List.of(new Span(0, 10), new Span(10, 20), new Span(20, 30), new Span(30, 40));

    @Test
    void identicalCodingsAgreeFully() {
        List<Coding> a = List.of(coding(1, 0, 10), coding(2, 10, 30));
        var result = Agreement.between(a, a, TURNS);
        assertThat(result.alikeByDomain()).containsEntry(1L, 1.0).containsEntry(2L, 1.0);
        assertThat(result.alikeOverall()).isEqualTo(1.0);
        assertThat(result.kappa()).isEqualTo(1.0);
    }

    @Test
    void shareOfTextCodedAlikeIsOverlapOverUnionPerDomain() {
        var result = Agreement.between(List.of(coding(1, 0, 10)), List.of(coding(1, 5, 15)), TURNS);
        // 5 shared characters of 15 coded by either.
        assertThat(result.alikeByDomain().get(1L)).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void kappaCorrectsAgreementForChance() {
        // Judge A: turns coded 1, 1, 2, none; judge B: 1, 2, 2, none. Observed 3/4.
        List<Coding> a = List.of(coding(1, 0, 20), coding(2, 20, 30));
        List<Coding> b = List.of(coding(1, 0, 10), coding(2, 10, 30));
        // Chance: domain 1: 2/4*1/4, domain 2: 1/4*2/4, none: 1/4*1/4 = 5/16.
        double expected = (0.75 - 5.0 / 16) / (1 - 5.0 / 16);
        assertThat(Agreement.kappa(a, b, TURNS)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aTurnTakesTheDomainCoveringMostOfIt() {
        List<Coding> a = List.of(coding(1, 0, 3), coding(2, 3, 10));
        List<Coding> b = List.of(coding(2, 0, 10));
        assertThat(Agreement.kappa(a, b, List.of(new Span(0, 10)))).isEqualTo(1.0);
    }

    @Test
    void nothingCodedGivesNoShareButKappaStillCounts() {
        var result = Agreement.between(List.of(), List.of(), TURNS);
        assertThat(result.alikeOverall()).isNull();
        assertThat(result.kappa()).isEqualTo(1.0);
        assertThat(Agreement.between(List.of(), List.of(), List.of()).kappa()).isNull();
    }

    private static Coding coding(long domain, int start, int end) {
        return new Coding(1, 1, domain, start, end, Layer.DRAFT, 7L, null, Instant.EPOCH);
    }
}
