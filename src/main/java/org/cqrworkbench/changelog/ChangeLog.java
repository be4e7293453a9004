package org.cqrworkbench.changelog;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.cqrworkbench.account.UserAccount;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.study.StudyAccess;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the change log: an item's history and the study's log, searchable. Every member of the study may read
 * it, auditors included; anyone else is told the study does not exist.
 */
@Service
public class ChangeLog {

    static final int PAGE_SIZE = 100;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"));

    private final ChangeEntryRepository entries;
    private final UserAccountRepository accounts;
    private final StudyAccess access;

    ChangeLog(ChangeEntryRepository entries, UserAccountRepository accounts, StudyAccess access) {
        this.entries = entries;
        this.accounts = accounts;
        this.access = access;
    }

    /**
     * Everything that happened to one item, newest first. A category's history includes the core ideas put into
     * and taken out of it; a core idea's, its links to codings and its placements; a coding's, its links.
     */
    @Transactional(readOnly = true)
    public List<Change> historyOf(long studyId, String username, ItemType itemType, long itemId) {
        access.member(studyId, username);
        Specification<ChangeEntry> ofItem = (root, query, cb) -> {
            List<Predicate> either = new ArrayList<>();
            either.add(cb.and(root.get("itemType").in(itemType.asItem()), cb.equal(root.get("itemId"), itemId)));
            if (!itemType.asOther().isEmpty()) {
                either.add(cb.and(root.get("itemType").in(itemType.asOther()), cb.equal(root.get("otherId"), itemId)));
            }
            return cb.and(cb.equal(root.get("studyId"), studyId), cb.or(either.toArray(Predicate[]::new)));
        };
        return changes(entries.findAll(ofItem, NEWEST_FIRST));
    }

    /** One page (from 0) of the study's log, newest first, of the entries that match the query. */
    @Transactional(readOnly = true)
    public ChangePage search(long studyId, String username, ChangeQuery changeQuery, int page) {
        access.member(studyId, username);
        Page<ChangeEntry> found = entries.findAll(matching(studyId, changeQuery),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, NEWEST_FIRST));
        return new ChangePage(changes(found.getContent()), found.getNumber(), found.getTotalPages(), found.getTotalElements());
    }

    /** The changes made in answer to one audit comment, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Change> answering(long studyId, String username, long commentId) {
        access.member(studyId, username);
        return changes(entries.findByStudyIdAndCommentIdOrderByAtAscIdAsc(studyId, commentId));
    }

    private static Specification<ChangeEntry> matching(long studyId, ChangeQuery q) {
        ZoneId zone = ZoneId.systemDefault();
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.equal(root.get("studyId"), studyId));
            if (q.text() != null && !q.text().isBlank()) {
                String pattern = "%" + escaped(q.text().strip().toLowerCase(Locale.ROOT)) + "%";
                all.add(cb.or(
                        cb.like(cb.lower(root.get("itemLabel")), pattern, '\\'),
                        cb.like(cb.lower(root.get("before")), pattern, '\\'),
                        cb.like(cb.lower(root.get("after")), pattern, '\\')));
            }
            if (q.who() != null) {
                all.add(cb.equal(root.get("who"), q.who()));
            }
            if (q.type() != null) {
                all.add(cb.equal(root.get("itemType"), q.type()));
            }
            if (q.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("at"), startOf(q.from(), zone)));
            }
            if (q.to() != null) {
                all.add(cb.lessThan(root.get("at"), startOf(q.to().plusDays(1), zone)));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static java.time.Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The searched words are taken literally: % and _ match themselves. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Change> changes(List<ChangeEntry> found) {
        Map<Long, String> names = accounts.findAllById(found.stream().map(ChangeEntry::getWho).filter(Objects::nonNull)
                .distinct().toList()).stream().collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName));
        return found.stream().map(e -> new Change(e.getId(), e.getAt(), e.getWho() == null ? null : names.get(e.getWho()),
                e.getItemType(), e.getItemId(), e.getOtherId(), e.getItemLabel(), e.getAction(), e.getBefore(), e.getAfter(),
                e.getCommentId())).toList();
    }
}
