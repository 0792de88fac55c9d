package org.zhufang.shared;

import java.util.Collection;

/**
 * The one rule for personal data (phone numbers, ID numbers, residents' names): shown in clear
 * only to a caller who manages the person; masked for everyone else, and always for
 * DASHBOARD_VIEWER. Which people a caller manages is the owning module's decision.
 */
public final class PersonalData {

	private PersonalData() {
	}

	public static boolean mayReveal(Caller caller, boolean managedByCaller) {
		return caller.role() != Role.DASHBOARD_VIEWER && managedByCaller;
	}

	/** {@code 13812345678} becomes {@code 138****5678}. */
	public static String maskPhone(String phone) {
		return maskMiddle(phone, 3, 4);
	}

	/** {@code 410721199001011234} becomes {@code 410***********1234}. */
	public static String maskIdNumber(String idNumber) {
		return maskMiddle(idNumber, 3, 4);
	}

	/** A resident's name reduced to the surname: {@code 王秀英} becomes {@code 王*}. */
	public static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, 1)) + "*";
	}

	private static String maskMiddle(String value, int keepStart, int keepEnd) {
		if (value == null) {
			return null;
		}
		if (value.length() <= keepStart + keepEnd) {
			return "*".repeat(value.length());
		}
		return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
				+ value.substring(value.length() - keepEnd);
	}

	/**
	 * Where modules report that they showed personal data in clear, for the audit log. The
	 * accounts module writes these reads to the audit log.
	 */
	public interface RevealLog {

		void revealed(Caller caller, String subjectType, Collection<?> subjectIds, String fields);
	}
}
