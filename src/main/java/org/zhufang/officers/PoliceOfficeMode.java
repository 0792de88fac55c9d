package org.zhufang.officers;

/** How a police office works: a village outpost, or embedded in an enterprise, a shopping area, a hospital or a school. */
public enum PoliceOfficeMode {
	VILLAGE, ENTERPRISE, COMMERCIAL, HOSPITAL, SCHOOL
}
