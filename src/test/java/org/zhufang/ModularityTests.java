package org.zhufang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
	void noModuleDependsOnAccounts() {
		// the caller's role and scope reach the modules through the shared kernel (domain.md)
		assertThat(modules.stream()
			.filter(module -> module.getDirectDependencies(modules).stream()
				.anyMatch(d -> d.getTargetModule().getName().equals("accounts")))
			.map(module -> module.getName())).isEmpty();
	}

	@Test
	void writesModuleDiagramsAndCanvasesToDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
		try (Stream<Path> diagrams = Files.list(Path.of("docs/modules"))) {
			for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
				sortRelations(diagram);
			}
		}
	}

	/**
	 * The Documenter writes a diagram's relations in an order that changes from run to run; sorted,
	 * the committed diagrams change only when the modules do.
	 */
	private static void sortRelations(Path diagram) throws IOException {
		List<String> lines = Files.readAllLines(diagram, StandardCharsets.UTF_8);
		List<String> sorted = new ArrayList<>();
		List<String> run = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				run.add(line);
				continue;
			}
			run.sort(null);
			sorted.addAll(run);
			run.clear();
			sorted.add(line);
		}
		run.sort(null);
		sorted.addAll(run);
		Files.write(diagram, sorted, StandardCharsets.UTF_8);
	}
}
