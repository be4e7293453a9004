package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the outline of an interview protocol pasted as text: one domain a line, in order. A line indented by two
 * spaces or a tab, or starting with a bullet or a number like "1." or "2.3", names a subdomain of the last
 * top-level line; its indentation, bullet or number is not part of the name.
 */
final class ProtocolOutline {

    record Entry(int line, String name, boolean subdomain) {
    }

    private static final Pattern MARKER = Pattern.compile("^(?:[-*•–]|\\d+(?:\\.\\d+)+[.)]?|\\d+[.)])\\s*");

    private ProtocolOutline() {
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        boolean topLevelSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean indented = line.startsWith("\t") || line.startsWith("  ");
            String rest = line.strip();
            Matcher marker = MARKER.matcher(rest);
            boolean marked = marker.find();
            String name = marked ? rest.substring(marker.end()).strip() : rest;
            if (name.isEmpty()) {
                continue;
            }
            // A bullet before any heading has nothing to hang under, so it starts the list itself.
            boolean subdomain = (indented || marked) && topLevelSeen;
            topLevelSeen |= !subdomain;
            entries.add(new Entry(i + 1, name, subdomain));
        }
        return entries;
    }
}
