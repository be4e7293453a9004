package org.cqrworkbench.changelog;

import java.util.List;

/** One page of a study's change log, newest first; `page` counts from 0. */
public record ChangePage(List<Change> changes, int page, int pages, long total) {

    public boolean hasNewer() {
        return page > 0;
    }

    public boolean hasOlder() {
        return page + 1 < pages;
    }
}
