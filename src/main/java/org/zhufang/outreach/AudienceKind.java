package org.zhufang.outreach;

/** Who listened. */
public enum AudienceKind {
	RESIDENTS, STUDENTS, ENTERPRISE_STAFF, ELDERLY, MERCHANTS, MIXED
}
