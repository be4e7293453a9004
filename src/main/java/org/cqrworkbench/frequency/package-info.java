/** The CQR frequency rules: labels a category General, Typical, Variant or Rare from its case count. Pure Java, no Spring. */
@org.springframework.modulith.ApplicationModule(displayName = "Frequency rules")
package org.cqrworkbench.frequency;
