package org.zhufang.shared;

/** The request raced with another change (stale version, lost a unique slot): CONFLICT. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
