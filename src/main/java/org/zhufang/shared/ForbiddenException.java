package org.zhufang.shared;

/** The caller may not do this, or not here: a top-level FORBIDDEN error; nothing is written. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}
