package org.cqrworkbench.transcript;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.cqrworkbench.transcript.TranscriptService.Incoming;

/**
 * Files read but not stored yet, while the page asks the user to confirm: creating cases, or replacing a
 * transcript that has codings. They wait in the HTTP session, so nobody uploads twice. A session holds at
 * most one: a new upload replaces it, and it goes once confirmed or cancelled, so its size stays within
 * the upload limits. `unplacedSeen` holds, per file, how many unplaceable codings the user was shown.
 *
 * @param caseCode the case of the transcript page it came from; null for the import page
 */
record PendingImport(String token, long studyId, String caseCode, List<Incoming> files, List<Integer> unplacedSeen)
        implements Serializable {

    private static final String ATTRIBUTE = PendingImport.class.getName();

    static PendingImport of(long studyId, String caseCode, List<Incoming> files, List<Integer> unplacedSeen) {
        return new PendingImport(UUID.randomUUID().toString(), studyId, caseCode, List.copyOf(files), List.copyOf(unplacedSeen));
    }

    PendingImport seen(List<Integer> counts) {
        return new PendingImport(token, studyId, caseCode, files, List.copyOf(counts));
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The pending files this form was about; empty when they were confirmed, cancelled or replaced meanwhile. */
    static Optional<PendingImport> find(HttpSession session, String token, long studyId, String caseCode) {
        return session.getAttribute(ATTRIBUTE) instanceof PendingImport pending && pending.token().equals(token)
                && pending.studyId() == studyId && Objects.equals(pending.caseCode(), caseCode)
                ? Optional.of(pending) : Optional.empty();
    }

    static void drop(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}
