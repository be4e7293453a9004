/**
 * What every page and endpoint shares: the security rules, the error pages and problem responses,
 * and the exceptions the feature modules throw to produce them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.cqrworkbench.web;
