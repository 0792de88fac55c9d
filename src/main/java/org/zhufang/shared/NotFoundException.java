package org.zhufang.shared;

/** The thing named by the request does not exist: a top-level NOT_FOUND error. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
