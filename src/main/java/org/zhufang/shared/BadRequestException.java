package org.zhufang.shared;

/** A request the client must change, outside any mutation input (paging beyond the cap...). */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}
}
