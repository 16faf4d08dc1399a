package org.partneratlas.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CypherStatementsTests {

	private final CypherStatements statements = new CypherStatements();

	@Test
	void theHopLimitBecomesTheQuantifiersUpperBound() {
		for (int hops = 1; hops <= CypherStatements.MAX_HOPS; hops++) {
			String text = this.statements.withHopLimit("connections/paths", hops);
			assertThat(text).contains("){1," + hops + "}(b)");
			assertThat(text.replace("{1," + hops + "}", "{1,6}")).isEqualTo(this.statements.text("connections/paths"));
		}
	}

	@Test
	void onlyHopLimitsFromOneToSixAreAccepted() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.statements.withHopLimit("connections/paths", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.statements.withHopLimit("connections/paths", 7));
	}

}
