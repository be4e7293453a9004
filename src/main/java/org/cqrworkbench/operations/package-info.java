/**
 * Running the workbench as a service: scheduled online backups of the embedded database into the data folder,
 * and the lock that lets scheduled work run on one instance only when several share a database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.cqrworkbench.operations;
