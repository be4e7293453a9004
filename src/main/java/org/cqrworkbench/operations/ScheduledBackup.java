package org.cqrworkbench.operations;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backs the database up on the schedule of {@code cqr.backup.cron} (server time; "-" turns it off). The lock
 * makes one instance take it when several share a database, and holds for a minute at least, so instances whose
 * clocks differ by a few seconds do not each take it in turn.
 */
@Component
class ScheduledBackup {

    private final DatabaseBackup backup;

    ScheduledBackup(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Scheduled(cron = "${cqr.backup.cron}")
    @SchedulerLock(name = "database-backup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void run() {
        backup.backUp();
    }
}
