/**
 * The change log, CQR's audit trail: every change to domains, consensus codings, core ideas, categories and
 * placements, with who made it, when, what it was before and after, and the audit comment it answered. Changes
 * are recorded from Hibernate's own events, so no feature can forget to log; {@link
 * org.cqrworkbench.changelog.ChangeLog} reads an item's history and the study's searchable log, and {@link
 * org.cqrworkbench.changelog.ChangeContext} ties changes to the audit comment they answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change log")
package org.cqrworkbench.changelog;
