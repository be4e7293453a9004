package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.spreadsheet.SpreadsheetRows;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts or extends the domain list from what the team already has: the outline of its interview protocol, or a
 * codebook kept in a spreadsheet. Each is one transaction: a bad line adds nothing, and its message names the
 * line. Names already in the list are skipped, and the summary says which.
 */
@Service
public class DomainListImport {

    public record Summary(int added, List<String> skipped) {
    }

    private enum Column {
        DOMAIN("Domain"), DEFINITION("Definition"), PARENT("Parent");

        final String title;

        Column(String title) {
            this.title = title;
        }
    }

    private final DomainRepository domains;
    private final StudyAccess access;

    DomainListImport(DomainRepository domains, StudyAccess access) {
        this.domains = domains;
        this.access = access;
    }

    @Transactional
    Summary outline(long studyId, String username, String text) {
        access.analyst(studyId, username);
        List<ProtocolOutline.Entry> entries = ProtocolOutline.parse(text);
        if (entries.isEmpty()) {
            throw new InvalidInputException("domain.outline.empty");
        }
        DomainTree tree = DomainTree.load(studyId, domains);
        List<String> skipped = new ArrayList<>();
        int added = 0;
        Domain heading = null;
        for (ProtocolOutline.Entry entry : entries) {
            Optional<Domain> existing = tree.named(entry.name());
            if (existing.isPresent()) {
                skipped.add(existing.get().getName());
                // Subdomains under a heading that is already in the list go under that domain.
                heading = entry.subdomain() ? heading : existing.get();
                continue;
            }
            try {
                Domain created = domains.save(tree.add(entry.name(), null, entry.subdomain() ? heading.getId() : null));
                heading = entry.subdomain() ? heading : created;
                added++;
            } catch (InvalidInputException e) {
                throw new InvalidInputException("domain.outline.line", entry.line(), e.resolvable());
            }
        }
        return new Summary(added, skipped);
    }

    @Transactional
    public Summary codebook(long studyId, String username, String fileName, byte[] content) {
        access.analyst(studyId, username);
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new InvalidInputException("domain.codebook.type");
        }
        List<SpreadsheetRows.Line> lines = CodebookCsv.read(content);
        if (lines.isEmpty()) {
            throw new InvalidInputException("import.empty");
        }
        Map<Column, Integer> columns = header(lines.get(0));
        if (lines.size() == 1) {
            throw new InvalidInputException("import.noRows");
        }
        DomainTree tree = DomainTree.load(studyId, domains);
        Map<String, Integer> lineOfName = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        int added = 0;
        for (SpreadsheetRows.Line line : lines.subList(1, lines.size())) {
            String name = line.cell(columns.get(Column.DOMAIN));
            String definition = line.cell(columns.getOrDefault(Column.DEFINITION, -1));
            String parent = line.cell(columns.getOrDefault(Column.PARENT, -1));
            Integer earlier = lineOfName.putIfAbsent(DomainTree.key(name), line.number());
            if (earlier != null && !name.isEmpty()) {
                throw cell(line, Column.DOMAIN, "domain.codebook.duplicate", name, earlier);
            }
            Optional<Domain> existing = tree.named(name);
            if (existing.isPresent()) {
                skipped.add(existing.get().getName());
                continue;
            }
            Long parentId = null;
            if (!parent.isEmpty()) {
                parentId = tree.named(parent)
                        .orElseThrow(() -> cell(line, Column.PARENT, "domain.codebook.parentUnknown", parent)).getId();
            }
            try {
                DomainTree.checkedDefinition(definition);
            } catch (InvalidInputException e) {
                throw cell(line, Column.DEFINITION, e);
            }
            try {
                domains.save(tree.add(name, definition, parentId));
                added++;
            } catch (InvalidInputException e) {
                throw cell(line, Column.DOMAIN, e);
            }
        }
        return new Summary(added, skipped);
    }

    /** Column titles in any order and letter case; only Domain is required. */
    private static Map<Column, Integer> header(SpreadsheetRows.Line header) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            for (Column column : Column.values()) {
                if (column.title.equalsIgnoreCase(header.cell(i))) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        if (!columns.containsKey(Column.DOMAIN)) {
            throw new InvalidInputException("domain.codebook.missingColumn");
        }
        return columns;
    }

    private static InvalidInputException cell(SpreadsheetRows.Line line, Column column, String key, Object... args) {
        return new InvalidInputException("domain.codebook.cell", line.number(), column.title,
                new DefaultMessageSourceResolvable(new String[] {key}, args, key));
    }

    private static InvalidInputException cell(SpreadsheetRows.Line line, Column column, InvalidInputException reason) {
        return new InvalidInputException("domain.codebook.cell", line.number(), column.title, reason.resolvable());
    }
}
