/**
 * Running as a team server: several instances of the workbench on one PostgreSQL database (the postgres profile).
 * Sessions live in the database, so any instance serves any request; the work of a first start is done by one
 * instance at a time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team server")
package org.cqrworkbench.server;
