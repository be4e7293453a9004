package org.cqrworkbench.frequency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Applies the CQR frequency rules (Hill et al., 2005; Hill, 2012) to case counts. */
public final class FrequencyEngine {

    /** Below this a category is found in a single case and is left out of the tables. */
    private static final int MIN_REPORTED = 2;

    private FrequencyEngine() {
    }

    /** The ranges in force for a subsample of n cases, highest label first, empty ranges left out, no overlap. */
    public static List<CountRange> ranges(int n, FrequencyRules rules) {
        requireSubsampleSize(n);
        Objects.requireNonNull(rules, "rules must not be null");
        int half = n / 2;
        int generalFrom = rules.generalRule() == GeneralRule.ALL ? n : n - 1;
        boolean rare = rules.rare().appliesTo(n);

        List<CountRange> ranges = new ArrayList<>(4);
        // Nominal ranges overlap or run past N when N is small; handing counts out from the top down,
        // each label capped just below what higher labels already took, makes the highest label win.
        int ceiling = n + 1;
        ceiling = add(ranges, FrequencyLabel.GENERAL, generalFrom, n, ceiling);
        ceiling = add(ranges, FrequencyLabel.TYPICAL, half + 1, generalFrom - 1, ceiling);
        ceiling = add(ranges, FrequencyLabel.VARIANT, rare ? 4 : MIN_REPORTED, half, ceiling);
        if (rare) {
            add(ranges, FrequencyLabel.RARE, MIN_REPORTED, 3, ceiling);
        }
        return List.copyOf(ranges);
    }

    /** Label of a category found in {@code cases} distinct cases; empty when not reported (count &lt; 2 or no range holds it). */
    public static Optional<FrequencyLabel> label(int cases, int n, FrequencyRules rules) {
        List<CountRange> ranges = ranges(n, rules);
        requireCaseCount(cases, n, "A category");
        return lookUp(ranges, cases);
    }

    /**
     * The label for every count of cases in a subsample of n, worked out once: for laying out the hundreds of
     * categories of one subsample. Gives what {@link #label(int, int, FrequencyRules)} gives, and rejects the same
     * counts.
     */
    public static IntFunction<Optional<FrequencyLabel>> labeller(int n, FrequencyRules rules) {
        List<CountRange> ranges = ranges(n, rules);
        List<Optional<FrequencyLabel>> byCount = new ArrayList<>(n + 1);
        for (int cases = 0; cases <= n; cases++) {
            byCount.add(lookUp(ranges, cases));
        }
        return cases -> {
            requireCaseCount(cases, n, "A category");
            return byCount.get(cases);
        };
    }

    /**
     * Labels many categories at once. Key = category id of any type, value = set of distinct case ids in the
     * subsample. The result keeps the input's iteration order and is unmodifiable.
     *
     * @throws IllegalArgumentException if a category has more cases than n, naming it
     * @throws NullPointerException if a category's case set is null, naming it
     */
    public static <K> Map<K, Optional<FrequencyLabel>> labelAll(
            int n, FrequencyRules rules, Map<K, ? extends Set<?>> casesByCategory) {
        List<CountRange> ranges = ranges(n, rules);
        Objects.requireNonNull(casesByCategory, "casesByCategory must not be null");
        Map<K, Optional<FrequencyLabel>> labels = new LinkedHashMap<>();
        casesByCategory.forEach((category, cases) -> {
            Objects.requireNonNull(cases, () -> "Cases of category " + category + " must not be null");
            requireCaseCount(cases.size(), n, "Category " + category);
            labels.put(category, lookUp(ranges, cases.size()));
        });
        return Collections.unmodifiableMap(labels);
    }

    /**
     * The ranges as a table note fragment, e.g.
     * "General categories = 9–10 cases; Typical categories = 6–8 cases; Variant categories = 2–5 cases";
     * a one-number range reads "= 6 cases"; empty string when there are no ranges.
     */
    public static String describe(List<CountRange> ranges) {
        Objects.requireNonNull(ranges, "ranges must not be null");
        return ranges.stream()
                .map(r -> r.label().displayName() + " categories = "
                        + (r.from() == r.to() ? r.from() : r.from() + "\u2013" + r.to()) + " cases")
                .collect(Collectors.joining("; "));
    }

    private static int add(List<CountRange> ranges, FrequencyLabel label, int from, int to, int ceiling) {
        int effectiveFrom = Math.max(from, MIN_REPORTED);
        int effectiveTo = Math.min(to, ceiling - 1);
        if (effectiveFrom > effectiveTo) {
            return ceiling;
        }
        ranges.add(new CountRange(label, effectiveFrom, effectiveTo));
        return effectiveFrom;
    }

    private static Optional<FrequencyLabel> lookUp(List<CountRange> ranges, int cases) {
        return ranges.stream().filter(r -> r.contains(cases)).map(CountRange::label).findFirst();
    }

    private static void requireSubsampleSize(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Subsample size must not be negative, got " + n);
        }
    }

    private static void requireCaseCount(int cases, int n, String what) {
        if (cases < 0) {
            throw new IllegalArgumentException(what + " cannot be found in a negative number of cases, got " + cases);
        }
        if (cases > n) {
            throw new IllegalArgumentException(
                    what + " is found in " + cases + " cases, more than the " + n + " cases in the subsample");
        }
    }
}
