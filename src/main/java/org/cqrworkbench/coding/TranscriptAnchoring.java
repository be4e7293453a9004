package org.cqrworkbench.coding;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.cqrworkbench.account.UserAccount;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.transcript.AnchorReport;
import org.cqrworkbench.transcript.TranscriptReplaced;
import org.cqrworkbench.transcript.TranscriptReplacementPreview;
import org.cqrworkbench.transcript.TranscriptText;
import org.cqrworkbench.transcript.UnplacedCoding;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps codings on their words when a case's transcript is replaced. Each coding, draft or consensus,
 * moves to where its words occur in the new text, nearest its old relative position; a coding whose words
 * are gone is removed and reported in full, so the person replacing the text can code it again.
 */
@Component
class TranscriptAnchoring {

    private final CodingRepository codings;
    private final DomainRepository domains;
    private final UserAccountRepository accounts;

    TranscriptAnchoring(CodingRepository codings, DomainRepository domains, UserAccountRepository accounts) {
        this.codings = codings;
        this.domains = domains;
        this.accounts = accounts;
    }

    @EventListener
    void preview(TranscriptReplacementPreview event) {
        Describer describer = new Describer();
        for (Coding coding : codings.findByCaseIdOrderByStartAscEndAsc(event.caseId())) {
            if (newStart(event.oldBody(), event.newBody(), coding).isPresent()) {
                event.report().placed();
            } else {
                event.report().unplaced(describer.describe(coding, event.oldBody()));
            }
        }
    }

    @EventListener
    void replaced(TranscriptReplaced event) {
        Describer describer = new Describer();
        AnchorReport report = event.report();
        for (Coding coding : codings.findByCaseIdOrderByStartAscEndAsc(event.caseId())) {
            OptionalInt start = newStart(event.oldBody(), event.newBody(), coding);
            if (start.isPresent()) {
                coding.moveTo(start.getAsInt(), start.getAsInt() + coding.getEnd() - coding.getStart());
                report.placed();
            } else {
                report.unplaced(describer.describe(coding, event.oldBody()));
                codings.delete(coding);
            }
        }
    }

    private static OptionalInt newStart(String oldBody, String newBody, Coding coding) {
        return TranscriptText.relocate(oldBody, newBody, coding.getStart(), coding.getEnd());
    }

    /** Names domains and draft owners, each looked up once per replacement. */
    private final class Describer {

        private final Map<Long, String> domainNames = new HashMap<>();
        private final Map<Long, String> ownerNames = new HashMap<>();

        UnplacedCoding describe(Coding coding, String oldBody) {
            String domain = domainNames.computeIfAbsent(coding.getDomainId(),
                    id -> domains.findById(id).map(Domain::getName).orElse("?"));
            String owner = coding.getOwnerId() == null ? null : ownerNames.computeIfAbsent(coding.getOwnerId(),
                    id -> accounts.findById(id).map(UserAccount::getDisplayName).orElse("?"));
            int end = Math.min(coding.getEnd(), oldBody.length());
            String text = coding.getStart() < end ? oldBody.substring(coding.getStart(), end) : "";
            return new UnplacedCoding(domain, text, owner);
        }
    }
}
