package org.cqrworkbench.coreidea;

import org.cqrworkbench.web.ConflictException;

/** A second save of one core idea, refused; it carries the text saved first so the page can show both. */
public class CoreIdeaConflict extends ConflictException {

    private final transient CoreIdea saved;

    CoreIdeaConflict(CoreIdea saved) {
        super("coreIdea.conflict");
        this.saved = saved;
    }

    public CoreIdea saved() {
        return saved;
    }
}
