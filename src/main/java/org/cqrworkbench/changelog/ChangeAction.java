package org.cqrworkbench.changelog;

public enum ChangeAction {
    CREATED,
    CHANGED,
    DELETED,
    /** A core idea put into a category. */
    PLACED,
    /** A core idea taken out of a category, also when either of them was deleted. */
    REMOVED,
    /** A core idea linked to the coding it abstracts. */
    LINKED,
    /** A core idea's link to a coding undone, also when either of them was deleted. */
    UNLINKED
}
