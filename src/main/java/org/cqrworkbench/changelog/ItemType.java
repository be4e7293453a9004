package org.cqrworkbench.changelog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cqrworkbench.web.NotFoundException;

/** What a change-log entry is about. The two link types belong to the history of both items they join. */
public enum ItemType {
    DOMAIN,
    /** A consensus coding; judges' private drafts are their own work in progress and are not logged. */
    CODING,
    CORE_IDEA,
    CATEGORY,
    /** A core idea put into or taken out of a category: item is the category, other the core idea. */
    PLACEMENT,
    /** A core idea linked to or unlinked from a consensus coding: item is the core idea, other the coding. */
    CODING_LINK;

    /** How the type appears in URLs: "core-idea". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ItemType ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("changes.item.notFound"));
    }

    /** The item whose history an entry of this type shows up in first, and links to. */
    public ItemType historyType() {
        return switch (this) {
            case PLACEMENT -> CATEGORY;
            case CODING_LINK -> CORE_IDEA;
            default -> this;
        };
    }

    /** Entries whose item is an item of this type, for its history. */
    List<ItemType> asItem() {
        return switch (this) {
            case CATEGORY -> List.of(CATEGORY, PLACEMENT);
            case CORE_IDEA -> List.of(CORE_IDEA, CODING_LINK);
            default -> List.of(this);
        };
    }

    /** Entries whose other item is an item of this type, for its history. */
    List<ItemType> asOther() {
        return switch (this) {
            case CORE_IDEA -> List.of(PLACEMENT);
            case CODING -> List.of(CODING_LINK);
            default -> List.of();
        };
    }
}
