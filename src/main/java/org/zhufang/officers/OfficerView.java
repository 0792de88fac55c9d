package org.zhufang.officers;

import java.time.LocalDate;

/**
 * An officer as the API sees it. {@code phone} is personal data: the GraphQL layer masks it.
 *
 * @param stationId null when the officer serves in a bureau department
 */
public record OfficerView(long id, String name, String badgeNumber, OfficerKind kind, String rank, String phone,
		Long stationId, Long policeOfficeId, boolean communityOfficer, LocalDate joinedOn, OfficerStatus status,
		int version) {
}
