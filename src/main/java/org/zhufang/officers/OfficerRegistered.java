package org.zhufang.officers;

import java.time.LocalDate;

/** An officer joined the bureau. Carries no personal data. */
public record OfficerRegistered(long officerId, String badgeNumber, OfficerKind kind, Long stationId,
		boolean communityOfficer, LocalDate joinedOn) {
}
