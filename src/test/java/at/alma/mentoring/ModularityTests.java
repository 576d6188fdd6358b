package at.alma.mentoring;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of {@code DESIGN.md}: no cycles, no access to another module's
 * internals. Writes the module documentation (PlantUML component diagrams and module
 * canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MentoringApplication.class);

	@Test
	void verifiesModuleStructure() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
