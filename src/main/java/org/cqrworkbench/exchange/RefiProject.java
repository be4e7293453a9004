package org.cqrworkbench.exchange;

import static org.cqrworkbench.exchange.Xml.attr;
import static org.cqrworkbench.exchange.Xml.child;
import static org.cqrworkbench.exchange.Xml.childText;
import static org.cqrworkbench.exchange.Xml.children;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * What a REFI-QDA project or codebook says, read from its XML into plain values. Only what the workbench can use is
 * kept; sources of other kinds are only counted, so the import report can name them.
 */
record RefiProject(String name, String origin, String description, List<User> users, List<Code> codes,
        List<Variable> variables, List<Case> cases, List<TextSource> textSources, List<Skipped> skippedSources,
        List<Note> notes, Map<String, String> noteTargets) {

    record User(String guid, String name, String id) {
    }

    record Code(String guid, String name, boolean codable, String description, List<Code> children) {
    }

    record Variable(String guid, String name, String type) {
    }

    record Case(String guid, String name, String description, Map<String, String> values, List<String> sourceGuids,
            int caseCodings) {
    }

    record TextSource(String guid, String name, String plainTextPath, String inlineText, List<Selection> selections,
            List<Coding> wholeSourceCodings, Map<String, String> values) {
    }

    record Selection(String guid, String name, long start, long end, String creatingUser, Instant created,
            List<Coding> codings) {
    }

    record Coding(String codeGuid, String creatingUser, Instant created) {
    }

    record Note(String guid, String name, String plainTextPath, String inlineText, String creatingUser, Instant created) {
    }

    /** A source the workbench cannot code: its kind ("PDF"), its name and how many codings it held. */
    record Skipped(String kind, String name, int codings) {
    }

    static RefiProject read(Element root) {
        String origin = attr(root, "origin");
        List<User> users = new ArrayList<>();
        child(root, "Users").ifPresent(u -> children(u, "User").forEach(e ->
                users.add(new User(guid(attr(e, "guid")), attr(e, "name"), attr(e, "id")))));
        List<Code> codes = codes(root);
        List<Variable> variables = new ArrayList<>();
        child(root, "Variables").ifPresent(v -> children(v, "Variable").forEach(e ->
                variables.add(new Variable(guid(attr(e, "guid")), attr(e, "name"), attr(e, "typeOfVariable")))));
        List<Case> cases = new ArrayList<>();
        child(root, "Cases").ifPresent(c -> children(c, "Case").forEach(e -> cases.add(new Case(guid(attr(e, "guid")),
                attr(e, "name"), childText(e, "Description"), values(e),
                children(e, "SourceRef").stream().map(r -> guid(attr(r, "targetGUID"))).toList(),
                children(e, "CodeRef").size() + children(e, "SelectionRef").size()))));
        List<TextSource> texts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> noteTargets = new LinkedHashMap<>();
        child(root, "Sources").ifPresent(sources -> {
            for (var node = sources.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (!(node instanceof Element source)) {
                    continue;
                }
                String kind = source.getLocalName();
                if ("TextSource".equals(kind)) {
                    texts.add(textSource(source, noteTargets));
                } else {
                    int codings = Xml.descendants(source, "Coding").size();
                    skipped.add(new Skipped(kind.replace("Source", ""), attr(source, "name"), codings));
                }
            }
        });
        List<Note> notes = new ArrayList<>();
        child(root, "Notes").ifPresent(n -> children(n, "Note").forEach(e -> notes.add(new Note(guid(attr(e, "guid")),
                attr(e, "name"), attr(e, "plainTextPath"), childText(e, "PlainTextContent"), guid(attr(e, "creatingUser")),
                time(attr(e, "creationDateTime"))))));
        codeNoteTargets(root, noteTargets);
        children(root, "NoteRef").forEach(r -> noteTargets.putIfAbsent(guid(attr(r, "targetGUID")), "project"));
        return new RefiProject(attr(root, "name"), origin, childText(root, "Description"), users, codes, variables, cases,
                texts, skipped, notes, noteTargets);
    }

    /** The code tree of a project's CodeBook, or of a codebook file whose root is the CodeBook itself. */
    static List<Code> codes(Element root) {
        Element book = "CodeBook".equals(root.getLocalName()) ? root : child(root, "CodeBook").orElse(null);
        return child(book, "Codes").map(RefiProject::codeList).orElse(List.of());
    }

    private static List<Code> codeList(Element parent) {
        List<Code> codes = new ArrayList<>();
        for (Element e : children(parent, "Code")) {
            codes.add(new Code(guid(attr(e, "guid")), attr(e, "name"), !"false".equalsIgnoreCase(attr(e, "isCodable")),
                    childText(e, "Description"), codeList(e)));
        }
        return codes;
    }

    private static void codeNoteTargets(Element root, Map<String, String> targets) {
        Element book = child(root, "CodeBook").orElse(null);
        if (book == null) {
            return;
        }
        for (Element code : Xml.descendants(book, "Code")) {
            for (Element ref : children(code, "NoteRef")) {
                targets.putIfAbsent(guid(attr(ref, "targetGUID")), "code " + attr(code, "name"));
            }
        }
    }

    private static TextSource textSource(Element source, Map<String, String> noteTargets) {
        String name = attr(source, "name");
        List<Selection> selections = new ArrayList<>();
        for (Element s : children(source, "PlainTextSelection")) {
            selections.add(new Selection(guid(attr(s, "guid")), attr(s, "name"), number(attr(s, "startPosition")),
                    number(attr(s, "endPosition")), guid(attr(s, "creatingUser")), time(attr(s, "creationDateTime")),
                    codings(s)));
            for (Element ref : children(s, "NoteRef")) {
                noteTargets.putIfAbsent(guid(attr(ref, "targetGUID")), "selection:" + guid(attr(s, "guid")));
            }
        }
        for (Element ref : children(source, "NoteRef")) {
            noteTargets.putIfAbsent(guid(attr(ref, "targetGUID")), "source:" + guid(attr(source, "guid")));
        }
        return new TextSource(guid(attr(source, "guid")), name, attr(source, "plainTextPath"),
                childText(source, "PlainTextContent"), selections, codings(source), values(source));
    }

    private static List<Coding> codings(Element parent) {
        List<Coding> codings = new ArrayList<>();
        for (Element c : children(parent, "Coding")) {
            child(c, "CodeRef").ifPresent(ref -> codings.add(new Coding(guid(attr(ref, "targetGUID")),
                    guid(attr(c, "creatingUser")), time(attr(c, "creationDateTime")))));
        }
        return codings;
    }

    /** Variable values by the variable's GUID, each as text: "42", "true", "2019-03-01". */
    private static Map<String, String> values(Element owner) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element v : children(owner, "VariableValue")) {
            String variable = child(v, "VariableRef").map(r -> guid(attr(r, "targetGUID"))).orElse(null);
            for (var node = v.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element value && value.getLocalName().endsWith("Value") && variable != null) {
                    values.put(variable, value.getTextContent().strip());
                }
            }
        }
        return values;
    }

    /** GUIDs compare without regard to case or braces: NVivo writes lowercase, ATLAS.ti uppercase. */
    static String guid(String raw) {
        if (raw == null) {
            return null;
        }
        String g = raw.strip();
        if (g.startsWith("{") && g.endsWith("}")) {
            g = g.substring(1, g.length() - 1);
        }
        return g.toLowerCase(Locale.ROOT);
    }

    private static long number(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant time(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw.strip() + "Z");
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
