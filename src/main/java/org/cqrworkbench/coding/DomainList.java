package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.List;

/** The domain list as its page shows it: tree order, each domain's depth, and how much work hangs on it. */
public record DomainList(List<Row> rows) {

    /**
     * One domain with its consensus codings, the codings still in judges' private drafts, and the core ideas
     * and categories filed under it.
     */
    public record Row(Domain domain, int depth, long codings, long draftCodings, long coreIdeas, long categories,
            boolean firstSibling, boolean lastSibling) {

        /** Deleting it would take work with it, so a target domain must receive that work. */
        public boolean used() {
            return codings + draftCodings + coreIdeas + categories > 0;
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public boolean hasOther() {
        return rows.stream().anyMatch(r -> r.domain().isOther());
    }

    public String parentName(Row row) {
        return rows.stream().map(Row::domain).filter(d -> d.getId().equals(row.domain().getParentId()))
                .map(Domain::getName).findFirst().orElse(null);
    }

    /** Every domain but this one: where its work can go in a merge or delete. */
    public List<Domain> others(Row row) {
        return rows.stream().map(Row::domain).filter(d -> d != row.domain()).toList();
    }

    /** Domains this one may sit under: all but itself and those below it. */
    public List<Domain> possibleParents(Row row) {
        int at = rows.indexOf(row);
        int end = at + 1;
        while (end < rows.size() && rows.get(end).depth() > row.depth()) {
            end++;
        }
        List<Row> outside = new ArrayList<>(rows.subList(0, at));
        outside.addAll(rows.subList(end, rows.size()));
        return outside.stream().map(Row::domain).toList();
    }
}
