package org.zhufang.shared;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one masking rule for personal data, without Spring. */
class PersonalDataTests {

	private static Caller caller(Role role) {
		return new Caller("1", "someone", role, List.of(1L));
	}

	@Test
	void masksTheMiddleOfAMobileNumberKeepingThreeDigitsInFrontAndFourBehind() {
		assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalData.maskPhone("0373-5551234")).isEqualTo("037*****1234");
	}

	@Test
	void masksAnIdNumberTheSameWay() {
		assertThat(PersonalData.maskIdNumber("410721199001011234")).isEqualTo("410***********1234");
		assertThat(PersonalData.maskIdNumber("41072119900101123X")).isEqualTo("410***********123X");
	}

	@Test
	void leavesNullAsNullAndEmptyAsEmpty() {
		assertThat(PersonalData.maskPhone(null)).isNull();
		assertThat(PersonalData.maskIdNumber(null)).isNull();
		assertThat(PersonalData.maskName(null)).isNull();
		assertThat(PersonalData.maskPhone("")).isEmpty();
		assertThat(PersonalData.maskName("")).isEmpty();
	}

	@Test
	void hidesEveryCharacterOfAValueTooShortToKeepBothEnds() {
		assertThat(PersonalData.maskPhone("1234567")).isEqualTo("*******");
		assertThat(PersonalData.maskPhone("110")).isEqualTo("***");
		assertThat(PersonalData.maskIdNumber("1")).isEqualTo("*");
		assertThat(PersonalData.maskPhone("12345678")).isEqualTo("123*5678");
	}

	@Test
	void reducesANameToItsSurnameAndAStar() {
		assertThat(PersonalData.maskName("王秀英")).isEqualTo("王*");
		assertThat(PersonalData.maskName("李")).isEqualTo("李*");
	}

	@Test
	void keepsASurnameOutsideTheBasicPlaneWhole() {
		// 𠮷 (U+20BB7) is two UTF-16 units: cutting after the first would leave half a character.
		assertThat(PersonalData.maskName("𠮷祥")).isEqualTo("𠮷*");
		assertThat(PersonalData.maskName("𠮷")).isEqualTo("𠮷*");
		assertThat(PersonalData.maskName("𠮷祥").codePoints().toArray()).containsExactly(0x20BB7, '*');
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "DASHBOARD_VIEWER", mode = EnumSource.Mode.EXCLUDE)
	void revealsToEveryOtherRoleOnlyThePeopleItManages(Role role) {
		assertThat(PersonalData.mayReveal(caller(role), true)).isTrue();
		assertThat(PersonalData.mayReveal(caller(role), false)).isFalse();
	}

	@Test
	void neverRevealsToTheDashboardViewerEvenWhatItWouldManage() {
		assertThat(PersonalData.mayReveal(caller(Role.DASHBOARD_VIEWER), true)).isFalse();
		assertThat(PersonalData.mayReveal(caller(Role.DASHBOARD_VIEWER), false)).isFalse();
	}
}
