package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How alike two judges coded one transcript: for each domain, the share of text either of them coded into it
 * that both did; and Cohen's kappa over speaker turns, each turn taking the domain that covers most of it
 * (or none). An aid to the team's discussion, never a gate.
 */
final class Agreement {

    record Span(int start, int end) {
    }

    record Result(Map<Long, Double> alikeByDomain, Double alikeOverall, Double kappa, int turns) {
    }

    private Agreement() {
    }

    static Result between(List<Coding> first, List<Coding> second, List<Span> turns) {
        Set<Long> domains = new TreeSet<>();
        first.forEach(c -> domains.add(c.getDomainId()));
        second.forEach(c -> domains.add(c.getDomainId()));
        Map<Long, Double> alike = new LinkedHashMap<>();
        long both = 0;
        long either = 0;
        for (long domain : domains) {
            BitSet a = coverage(first, domain);
            BitSet b = coverage(second, domain);
            BitSet union = (BitSet) a.clone();
            union.or(b);
            BitSet shared = (BitSet) a.clone();
            shared.and(b);
            alike.put(domain, union.isEmpty() ? null : (double) shared.cardinality() / union.cardinality());
            both += shared.cardinality();
            either += union.cardinality();
        }
        return new Result(alike, either == 0 ? null : (double) both / either, kappa(first, second, turns), turns.size());
    }

    /** Cohen's kappa over turns; null when there are no turns, 1 when both judges agree and chance agreement is total. */
    static Double kappa(List<Coding> first, List<Coding> second, List<Span> turns) {
        if (turns.isEmpty()) {
            return null;
        }
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        turns.forEach(t -> {
            a.add(mainDomain(first, t));
            b.add(mainDomain(second, t));
        });
        int n = turns.size();
        int agree = 0;
        Map<Long, Integer> countA = new HashMap<>();
        Map<Long, Integer> countB = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (a.get(i).equals(b.get(i))) {
                agree++;
            }
            countA.merge(a.get(i), 1, Integer::sum);
            countB.merge(b.get(i), 1, Integer::sum);
        }
        double observed = (double) agree / n;
        double chance = 0;
        for (var entry : countA.entrySet()) {
            chance += (double) entry.getValue() / n * countB.getOrDefault(entry.getKey(), 0) / n;
        }
        if (chance >= 1.0) {
            return observed == 1.0 ? 1.0 : 0.0;
        }
        return (observed - chance) / (1 - chance);
    }

    /** The domain covering most characters of the turn; -1 stands for "not coded". Ties go to the lower id. */
    private static Long mainDomain(List<Coding> codings, Span turn) {
        Map<Long, BitSet> covered = new HashMap<>();
        for (Coding c : codings) {
            int from = Math.max(c.getStart(), turn.start());
            int to = Math.min(c.getEnd(), turn.end());
            if (from < to) {
                covered.computeIfAbsent(c.getDomainId(), k -> new BitSet()).set(from, to);
            }
        }
        return covered.entrySet().stream()
                .max((x, y) -> x.getValue().cardinality() != y.getValue().cardinality()
                        ? Integer.compare(x.getValue().cardinality(), y.getValue().cardinality())
                        : Long.compare(y.getKey(), x.getKey()))
                .map(Map.Entry::getKey).orElse(-1L);
    }

    private static BitSet coverage(List<Coding> codings, long domain) {
        BitSet bits = new BitSet();
        codings.stream().filter(c -> c.getDomainId() == domain).forEach(c -> bits.set(c.getStart(), c.getEnd()));
        return bits;
    }
}
