package org.cqrworkbench.exchange;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainListImport;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;

/** The domain list as a REFI-QDA codebook (.qdc), out to other programs and in from them. */
@Service
class CodebookExchange {

    static final String NS = "urn:QDA-XML:codebook:1.0";
    private static final int MAX_NAME = 200;
    private static final int MAX_DEFINITION = 4000;

    /** Domains added, names already in the list (kept as they were), and anything else worth knowing. */
    record Summary(int added, List<String> kept, List<MessageSourceResolvable> warnings) {
    }

    private final DomainService domains;
    private final DomainListImport csvCodebooks;
    private final StudyAccess access;

    CodebookExchange(DomainService domains, DomainListImport csvCodebooks, StudyAccess access) {
        this.domains = domains;
        this.csvCodebooks = csvCodebooks;
        this.access = access;
    }

    /** A codebook of either kind the domains page and the API take: a .csv from a spreadsheet, or a .qdc. */
    @Transactional
    public Summary importAny(long studyId, String username, String fileName, byte[] content) {
        if (StudyExchange.extension(fileName).equals("csv")) {
            DomainListImport.Summary summary = csvCodebooks.codebook(studyId, username, fileName, content);
            return new Summary(summary.added(), summary.skipped(), List.of());
        }
        return importCodebook(studyId, username, fileName, content);
    }

    @Transactional(readOnly = true)
    public byte[] export(long studyId, String username) {
        List<Domain> all = domains.domains(studyId, username);
        if (all.isEmpty()) {
            throw new InvalidInputException("exchange.codebook.noDomains");
        }
        Map<Long, List<Domain>> children = new HashMap<>();
        all.stream().sorted(Comparator.comparingInt(Domain::getPosition).thenComparing(Domain::getId))
                .forEach(d -> children.computeIfAbsent(d.getParentId() == null ? 0L : d.getParentId(), k -> new ArrayList<>()).add(d));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("CodeBook");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("origin", StudyToProject.ORIGIN);
            xml.writeStartElement("Codes");
            for (Domain domain : children.getOrDefault(0L, List.of())) {
                code(xml, domain, children);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the codebook failed", e);
        }
        return out.toByteArray();
    }

    private static void code(XMLStreamWriter xml, Domain domain, Map<Long, List<Domain>> children) throws XMLStreamException {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", StudyToProject.guid("domain", domain.getId()));
        xml.writeAttribute("name", StudyToProject.clean(domain.getName()));
        xml.writeAttribute("isCodable", "true");
        if (domain.getDefinition() != null && !domain.getDefinition().isBlank()) {
            xml.writeStartElement("Description");
            xml.writeCharacters(StudyToProject.clean(domain.getDefinition()));
            xml.writeEndElement();
        }
        for (Domain child : children.getOrDefault(domain.getId(), List.of())) {
            code(xml, child, children);
        }
        xml.writeEndElement();
    }

    /**
     * Adds the codebook's codes to the domain list, nesting kept. A code whose name is already in the list is not
     * added again; codes beneath it go under the domain of that name. One transaction: a bad file adds nothing.
     */
    @Transactional
    public Summary importCodebook(long studyId, String username, String fileName, byte[] content) {
        access.analyst(studyId, username);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("exchange.empty");
        }
        String extension = StudyExchange.extension(fileName);
        if (!extension.equals("qdc") && !extension.equals("xml")) {
            throw new InvalidInputException("exchange.codebook.type");
        }
        Document document = Xml.parse(content, fileName);
        if (!"CodeBook".equals(document.getDocumentElement().getLocalName())) {
            throw new InvalidInputException("exchange.codebook.notCodebook", document.getDocumentElement().getLocalName());
        }
        List<MessageSourceResolvable> warnings = new ArrayList<>();
        List<String> problems = Xml.problems(content, "/refi-qda/Codebook-mrt2019.xsd", 3);
        if (!problems.isEmpty()) {
            warnings.add(StudyExchange.message("exchange.warning.schema", String.join("; ", problems)));
        }
        List<RefiProject.Code> codes = RefiProject.codes(document.getDocumentElement());
        if (codes.isEmpty()) {
            throw new InvalidInputException("exchange.codebook.empty");
        }
        Map<String, Domain> byName = new HashMap<>();
        domains.domains(studyId, username).forEach(d -> byName.put(key(d.getName()), d));
        List<String> kept = new ArrayList<>();
        int added = add(studyId, codes, null, byName, kept, warnings);
        return new Summary(added, kept, warnings);
    }

    private int add(long studyId, List<RefiProject.Code> codes, Long parentId, Map<String, Domain> byName, List<String> kept,
            List<MessageSourceResolvable> warnings) {
        int added = 0;
        for (RefiProject.Code code : codes) {
            String name = code.name() == null ? "" : code.name().strip();
            if (name.isEmpty()) {
                warnings.add(StudyExchange.message("exchange.warning.codeWithoutName"));
                continue;
            }
            if (name.length() > MAX_NAME) {
                warnings.add(StudyExchange.message("exchange.warning.nameCut", name.substring(0, 40) + "…", MAX_NAME));
                name = name.substring(0, MAX_NAME);
            }
            Optional<Domain> existing = Optional.ofNullable(byName.get(key(name)));
            Domain domain;
            if (existing.isPresent()) {
                domain = existing.get();
                kept.add(domain.getName());
            } else {
                String definition = code.description() == null || code.description().isBlank() ? null : code.description().strip();
                if (definition != null && definition.length() > MAX_DEFINITION) {
                    warnings.add(StudyExchange.message("exchange.warning.definitionCut", name, MAX_DEFINITION));
                    definition = definition.substring(0, MAX_DEFINITION);
                }
                domain = domains.append(studyId, name, definition, parentId);
                byName.put(key(name), domain);
                added++;
            }
            added += add(studyId, code.children(), domain.getId(), byName, kept, warnings);
        }
        return added;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
