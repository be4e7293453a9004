package org.cqrworkbench.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cqrworkbench.frequency.FrequencyRules;

/** A study's subsamples with their N, and its cases: what most pages need to lay out a study. */
public record StudyDesign(List<SubsampleInfo> subsamples, List<StudyCase> cases) {

    public record SubsampleInfo(long id, String name, String tableTitle, int position, long n, FrequencyRules rules,
            long version) {
    }

    /** While a study has one subsample, pages say nothing of subsamples. */
    public boolean hasSeveralSubsamples() {
        return subsamples.size() > 1;
    }

    public SubsampleInfo defaultSubsample() {
        return subsamples.get(0);
    }

    public Optional<SubsampleInfo> subsample(long id) {
        return subsamples.stream().filter(s -> s.id() == id).findFirst();
    }

    public Map<Long, String> subsampleNames() {
        return subsamples.stream().collect(Collectors.toMap(SubsampleInfo::id, SubsampleInfo::name));
    }

    /** Attribute names in use across the study's cases, sorted, for table columns. */
    public List<String> attributeNames() {
        return cases.stream().flatMap(c -> c.getAttributes().keySet().stream()).distinct().sorted().toList();
    }
}
