package org.zhufang.officers;

import java.util.List;

/** A police station (派出所) and the towns it covers. */
public record StationView(long id, String code, String name, List<Long> townIds, boolean hasPartyBranch,
		String supervisingCommitteeMember, int version) {
}
