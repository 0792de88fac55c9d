package org.zhufang;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules Spring Modulith does not check. */
class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.zhufang");

	@Test
	void controllersCallOnlyTheirOwnModuleOrPublishedApis() {
		ArchRule rule = noClasses().that().resideInAPackage("org.zhufang.(*).graphql..")
			.should().dependOnClassesThat().resideInAPackage("org.zhufang.(*).internal..")
			.because("controllers map arguments and call the module's facade; SQL and aggregates stay behind it");
		rule.check(classes);
	}

	@Test
	void noInternalTypeAppearsInASchemaFacingSignature() {
		ArchRule rule = methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
			.should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a non-internal type",
					type -> !type.getPackageName().contains(".internal")))
			.because("the schema is the contract: it is served from API records, never from aggregates");
		rule.check(classes);
	}

	@Test
	void noFieldInjection() {
		fields().should().notBeAnnotatedWith(Autowired.class).because("dependencies come through constructors")
			.check(classes);
	}

	@Test
	void theSharedKernelDependsOnNoBusinessModule() {
		noClasses().that().resideInAPackage("org.zhufang.shared..")
			.should().dependOnClassesThat().resideInAnyPackage("org.zhufang.grids..", "org.zhufang.accounts..")
			.check(classes);
	}
}
