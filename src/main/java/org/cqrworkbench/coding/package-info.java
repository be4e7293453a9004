/**
 * CQR's first step: the study's domain list (topic areas, with an "Other" domain) and, later, the
 * coding of transcript blocks into those domains.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Domains and coding")
package org.cqrworkbench.coding;
