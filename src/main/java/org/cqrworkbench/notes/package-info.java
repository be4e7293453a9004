/**
 * Study notes: memos the team keeps beside the analysis, and the notes that other QDA programs' projects bring
 * with them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notes")
package org.cqrworkbench.notes;
