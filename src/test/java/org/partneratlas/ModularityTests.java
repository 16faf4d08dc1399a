package org.partneratlas;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of {@code package-info.java} hold: no cycles, and no module uses another's internals. */
class ModularityTests {

	@Test
	void modulesKeepTheirBoundaries() {
		ApplicationModules.of(PartnerAtlasApplication.class).verify();
	}

}
