package org.cqrworkbench;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featureModulesOnlyUseEachOthersPublicApiWithoutCycles() {
        ApplicationModules.of(CqrWorkbenchApplication.class).verify();
    }
}
