package org.zhufang.shared;

/** Nobody is signed in: a top-level UNAUTHORIZED error. */
public class UnauthorizedException extends RuntimeException {

	public UnauthorizedException() {
		super("Authentication required");
	}
}
