package org.cqrworkbench.exchange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How much of an uploaded archive the workbench is willing to unpack. */
@Component
record ExchangeLimits(
        @Value("${cqr.exchange.max-entries:20000}") int maxEntries,
        @Value("${cqr.exchange.max-entry-bytes:104857600}") long maxEntryBytes,
        @Value("${cqr.exchange.max-unpacked-bytes:209715200}") long maxTotalBytes) {
}
