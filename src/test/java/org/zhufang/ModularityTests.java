package org.zhufang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules stay honest (no cycles, no reaching into another module's internals) and their
 * generated documentation in docs/modules stays current.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Application.class);

	@Test
	void modulesOnlyUseEachOthersPublishedApiWithoutCycles() {
		modules.verify();
	}

	@Test
	void everyBusinessModuleIsItsOwnTopLevelPackage() {
		assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
			.contains("org.zhufang.grids", "org.zhufang.accounts", "org.zhufang.officers", "org.zhufang.shared");
	}

	@Test
	void gridNetworkDependsOnNoOtherBusinessModule() {
		var grids = modules.getModuleByName("grids").orElseThrow();
		assertThat(grids.getBootstrapDependencies(modules).map(m -> m.getName())).doesNotContain("accounts");
		assertThat(grids.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).toList())
			.doesNotContain("accounts");
	}

	@Test
	void villageOfficersDependOnTheGridNetworkAndNothingDependsOnThemYet() {
		var officers = modules.getModuleByName("officers").orElseThrow();
		assertThat(officers.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).toList())
			.contains("grids").doesNotContain("accounts");
		var grids = modules.getModuleByName("grids").orElseThrow();
		assertThat(grids.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).toList())
			.doesNotContain("officers");
	}

	@Test
	void writesModuleDiagramsAndCanvasesToDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
	}
}
