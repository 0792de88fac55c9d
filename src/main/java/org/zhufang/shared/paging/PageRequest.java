package org.zhufang.shared.paging;

import org.zhufang.shared.BadRequestException;

/**
 * A validated Relay page request: either forwards ({@code first}/{@code after}) or backwards
 * ({@code last}/{@code before}). Page sizes default to 20 and are capped at 100; asking for
 * more is a BAD_REQUEST error, not a silent truncation.
 */
public record PageRequest(int size, String after, String before, boolean backwards) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static PageRequest of(Integer first, String after, Integer last, String before) {
		if (first != null && last != null) {
			throw new BadRequestException("Pass either first or last, not both");
		}
		if (after != null && before != null) {
			throw new BadRequestException("Pass either after or before, not both");
		}
		boolean backwards = last != null || (first == null && before != null);
		Integer requested = backwards ? last : first;
		int size = requested == null ? DEFAULT_SIZE : requested;
		if (size < 0) {
			throw new BadRequestException("Page size must not be negative, was " + size);
		}
		if (size > MAX_SIZE) {
			throw new BadRequestException("Page size is at most " + MAX_SIZE + ", was " + size);
		}
		if (backwards && after != null) {
			throw new BadRequestException("Paging backwards takes before, not after");
		}
		if (!backwards && before != null) {
			throw new BadRequestException("Paging forwards takes after, not before");
		}
		return new PageRequest(size, after, before, backwards);
	}

	public static PageRequest first(Integer first, String after) {
		return of(first, after, null, null);
	}

	/** The cursor the page starts from, in the direction of paging; null for the first page. */
	public String cursor() {
		return backwards ? before : after;
	}

	/** Rows to fetch: one more than the page, to learn whether another page follows. */
	public int fetchSize() {
		return size + 1;
	}
}
