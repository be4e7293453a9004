package org.cqrworkbench.changelog;

import java.time.LocalDate;

/**
 * What to look for in a study's change log; every part may be left empty.
 *
 * @param text words anywhere in the item's name or in the values before or after, ignoring letter case
 * @param who the account that made the change
 * @param type the kind of item
 * @param from first day, inclusive, in the server's time zone
 * @param to last day, inclusive
 */
public record ChangeQuery(String text, Long who, ItemType type, LocalDate from, LocalDate to) {

    public static ChangeQuery everything() {
        return new ChangeQuery(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && who == null && type == null && from == null && to == null;
    }
}
