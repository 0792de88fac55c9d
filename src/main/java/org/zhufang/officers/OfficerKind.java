package org.zhufang.officers;

/** 民警 (POLICE) or 辅警 (AUXILIARY). */
public enum OfficerKind {
	POLICE, AUXILIARY
}
