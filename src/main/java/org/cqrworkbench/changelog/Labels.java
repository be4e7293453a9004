package org.cqrworkbench.changelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cqrworkbench.changelog.Pending.Field;
import org.cqrworkbench.changelog.Pending.Ref;
import org.cqrworkbench.changelog.Pending.Ref.Kind;
import org.cqrworkbench.changelog.Pending.Words;

/**
 * Turns the ids in one transaction's entries into what people read: names, case codes, the first words of core
 * ideas and coded passages. What the transaction's own events showed is remembered, so items deleted in it keep
 * their names; everything else is looked up when the entries are written, one query per table for the whole
 * transaction. It reads the other modules' tables directly because it runs inside Hibernate's commit, where
 * their repositories cannot be used.
 */
final class Labels {

    private static final int CHUNK = 500;
    private static final int IDEA_CHARACTERS = 80;
    private static final int LABEL_WORDS = 8;
    private static final int TEXT_WORDS = 30;

    private record Idea(long caseId, String body) {
    }

    private final Map<Ref, String> names = new HashMap<>();
    private final Map<Long, Idea> ideas = new HashMap<>();
    private final Map<Long, Words> codings = new HashMap<>();
    private final Map<Long, String> bodiesBefore = new HashMap<>();
    private final Map<Long, String> bodies = new HashMap<>();
    private final Map<String, Long> users = new HashMap<>();

    void name(Ref ref, String name) {
        names.put(ref, name);
    }

    void idea(long id, long caseId, String body) {
        ideas.put(id, new Idea(caseId, body));
    }

    void coding(long id, Words words) {
        codings.put(id, words);
    }

    /** A case's transcript as it was before this transaction replaced it; the first replacement counts. */
    void transcriptBefore(long caseId, String body) {
        bodiesBefore.putIfAbsent(caseId, body);
    }

    /** Looks up, in a few set-based queries, everything the entries name that the events did not show. */
    void resolve(Connection connection, Collection<Pending> entries) throws SQLException {
        Set<Long> ideaIds = new HashSet<>();
        Set<Long> codingIds = new HashSet<>();
        for (Pending p : entries) {
            for (Object value : values(p)) {
                if (value instanceof Ref ref && ref.kind() == Kind.CORE_IDEA && !ideas.containsKey(ref.id())) {
                    ideaIds.add(ref.id());
                } else if (value instanceof Ref ref && ref.kind() == Kind.CODING && !codings.containsKey(ref.id())) {
                    codingIds.add(ref.id());
                }
            }
        }
        query(connection, "select id, case_id, body from core_idea where id in (%s)", ideaIds,
                rs -> idea(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        query(connection, "select id, case_id, start_offset, end_offset from coding where id in (%s)", codingIds,
                rs -> coding(rs.getLong(1), new Words(rs.getLong(2), rs.getInt(3), rs.getInt(4), false)));

        Map<Kind, Set<Long>> missing = new HashMap<>();
        Set<Long> transcriptCases = new HashSet<>();
        for (Pending p : entries) {
            for (Object value : values(p)) {
                if (value instanceof Ref ref) {
                    switch (ref.kind()) {
                        case CORE_IDEA -> {
                            Idea idea = ideas.get(ref.id());
                            if (idea != null) {
                                need(missing, new Ref(Kind.CASE, idea.caseId()));
                            }
                        }
                        case CODING -> {
                            Words words = codings.get(ref.id());
                            if (words != null) {
                                need(missing, new Ref(Kind.CASE, words.caseId()));
                                transcriptCases.add(words.caseId());
                            }
                        }
                        default -> need(missing, ref);
                    }
                } else if (value instanceof Words words) {
                    transcriptCases.add(words.caseId());
                }
            }
        }
        queryNames(connection, Kind.DOMAIN, "select id, name from domain where id in (%s)", missing);
        queryNames(connection, Kind.CATEGORY, "select id, name from category where id in (%s)", missing);
        queryNames(connection, Kind.CASE, "select id, code from study_case where id in (%s)", missing);
        query(connection, "select case_id, body from transcript where case_id in (%s)", transcriptCases,
                rs -> bodies.put(rs.getLong(1), rs.getString(2)));

        Set<String> usernames = entries.stream().map(Pending::username).filter(u -> u != null).collect(Collectors.toSet());
        for (List<String> chunk : chunks(usernames)) {
            String sql = "select username, id from user_account where username in (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        users.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
    }

    Long user(String username) {
        return username == null ? null : users.get(username);
    }

    /** "field: value" lines, or null when there is nothing to say. */
    String lines(List<Field> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        return fields.stream().map(f -> f.name() + ": " + text(f.value(), TEXT_WORDS)).collect(Collectors.joining("\n"));
    }

    String label(Object label) {
        return label == null ? null : text(label, LABEL_WORDS);
    }

    private String text(Object value, int words) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Ref ref) {
            return switch (ref.kind()) {
                case CORE_IDEA -> {
                    Idea idea = ideas.get(ref.id());
                    yield idea == null ? "#" + ref.id() : caseCode(idea.caseId()) + ": " + shortened(idea.body());
                }
                case CODING -> {
                    Words span = codings.get(ref.id());
                    yield span == null ? "#" + ref.id() : caseCode(span.caseId()) + " " + quoted(span, LABEL_WORDS);
                }
                default -> names.getOrDefault(ref, "#" + ref.id());
            };
        }
        if (value instanceof Words span) {
            return quoted(span, words);
        }
        return value.toString();
    }

    private String caseCode(long caseId) {
        return names.getOrDefault(new Ref(Kind.CASE, caseId), "#" + caseId);
    }

    private String quoted(Words span, int words) {
        String body = span.before() ? bodiesBefore.getOrDefault(span.caseId(), bodies.get(span.caseId())) : bodies.get(span.caseId());
        if (body == null) {
            return "«…»";
        }
        int end = Math.min(span.end(), body.length());
        String passage = span.start() < end ? body.substring(span.start(), end) : "";
        String[] all = passage.strip().split("\\s+");
        String shown = String.join(" ", Arrays.copyOf(all, Math.min(all.length, words)));
        return "«" + shown + (all.length > words ? " …" : "") + "»";
    }

    private static String shortened(String text) {
        return text.length() <= IDEA_CHARACTERS ? text : text.substring(0, IDEA_CHARACTERS).strip() + "…";
    }

    private static List<Object> values(Pending p) {
        List<Object> values = new ArrayList<>();
        values.add(p.label());
        p.before().forEach(f -> values.add(f.value()));
        p.after().forEach(f -> values.add(f.value()));
        return values;
    }

    private void need(Map<Kind, Set<Long>> missing, Ref ref) {
        if (!names.containsKey(ref)) {
            missing.computeIfAbsent(ref.kind(), k -> new HashSet<>()).add(ref.id());
        }
    }

    private void queryNames(Connection connection, Kind kind, String sql, Map<Kind, Set<Long>> missing) throws SQLException {
        query(connection, sql, missing.getOrDefault(kind, Set.of()), rs -> names.put(new Ref(kind, rs.getLong(1)), rs.getString(2)));
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Set<Long> ids, Row row) throws SQLException {
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(sql.formatted(placeholders(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    private static <T> List<List<T>> chunks(Set<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
