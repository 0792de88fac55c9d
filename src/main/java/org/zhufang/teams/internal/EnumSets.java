package org.zhufang.teams.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Sets of enum constants stored as comma-separated names (searchable with FIND_IN_SET). */
public final class EnumSets {

	private EnumSets() {
	}

	public static String join(Collection<? extends Enum<?>> values) {
		if (values == null) {
			return "";
		}
		return values.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
			.collect(Collectors.joining(","));
	}

	public static <E extends Enum<E>> List<E> split(String text, Class<E> type) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(name -> Enum.valueOf(type, name)).sorted().toList();
	}
}
