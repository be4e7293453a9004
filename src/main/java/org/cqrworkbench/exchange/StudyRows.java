package org.cqrworkbench.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole study as rows of its tables, with the people its rows name. Ids are those of the place the rows came
 * from (this database, a backup, or numbers an importer made up); restoring gives every row a new id.
 */
final class StudyRows {

    /** A person named by the rows: who wrote, coded, audited. */
    record Person(long id, String username, String displayName) {
    }

    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Map<Long, Person> people = new LinkedHashMap<>();

    List<Map<String, Object>> table(String name) {
        return tables.computeIfAbsent(name, n -> new ArrayList<>());
    }

    /** Adds a row given as column, value, column, value... and returns it. */
    Map<String, Object> add(String table, Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        table(table).add(row);
        return row;
    }

    Map<Long, Person> people() {
        return people;
    }

    void addPerson(Person person) {
        people.put(person.id(), person);
    }

    int count(String table) {
        return tables.getOrDefault(table, List.of()).size();
    }
}
