/**
 * Moving studies in and out of the workbench: REFI-QDA projects (.qdpx) and codebooks (.qdc), the exchange
 * format of QDA programs such as NVivo and ATLAS.ti, and full-study backups that travel inside a .qdpx.
 * Every file is untrusted input: archives and XML are read with limits, and an import either lands whole
 * or changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.cqrworkbench.exchange;
