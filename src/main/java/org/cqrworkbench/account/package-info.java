/**
 * User accounts: sign-in, the first administrator, locking after repeated failed logins,
 * the administrator's account management and everyone's own password.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.cqrworkbench.account;
