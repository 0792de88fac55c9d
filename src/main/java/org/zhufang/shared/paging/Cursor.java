package org.zhufang.shared.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.zhufang.shared.BadRequestException;

/**
 * Opaque keyset cursors: the sort key of a row, base64url-encoded with a kind prefix so that a
 * cursor of one list is refused by another.
 */
public final class Cursor {

	private Cursor() {
	}

	public static String encode(String kind, String key) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** The sort key inside a cursor; a malformed or foreign cursor is a BAD_REQUEST error. */
	public static String decode(String kind, String cursor) {
		if (cursor == null) {
			return null;
		}
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("Invalid cursor");
		}
		String prefix = kind + ":";
		if (!text.startsWith(prefix)) {
			throw new BadRequestException("Invalid cursor");
		}
		return text.substring(prefix.length());
	}

	public static long decodeLong(String kind, String cursor) {
		try {
			return Long.parseLong(decode(kind, cursor));
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid cursor");
		}
	}
}
