package org.zhufang.officers.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.Satisfaction;
import org.zhufang.officers.VisitPurpose;
import org.zhufang.officers.VisitView;

/** A logged visit; a record of what happened, never changed afterwards. */
@Table("visit")
public class Visit {

	@Id
	private Long id;

	private Long officerId;

	private Long villageId;

	private Long gridId;

	private String areaPath;

	private LocalDate visitedOn;

	private String address;

	private String placeName;

	private VisitPurpose purpose;

	private int contactCards;

	private Satisfaction satisfaction;

	private String suggestions;

	private String notes;

	private String loggedBy;

	private String idempotencyKey;

	@Version
	private Integer version;

	private Instant createdAt;

	Visit() {
	}

	/** @param areaPath the grid's path when a grid is given, otherwise the village's */
	public static Visit log(long officerId, long villageId, Long gridId, String areaPath, LocalDate visitedOn,
			String address, String placeName, VisitPurpose purpose, int contactCards, Satisfaction satisfaction,
			String suggestions, String notes, String loggedBy, String idempotencyKey, Instant now) {
		if (address == null && placeName == null) {
			throw new IllegalStateException("A visit is to a household address or a place");
		}
		if (contactCards < 0 || contactCards > 50) {
			throw new IllegalStateException("0 to 50 contact cards");
		}
		Visit visit = new Visit();
		visit.officerId = officerId;
		visit.villageId = villageId;
		visit.gridId = gridId;
		visit.areaPath = areaPath;
		visit.visitedOn = visitedOn;
		visit.address = address;
		visit.placeName = placeName;
		visit.purpose = purpose;
		visit.contactCards = contactCards;
		visit.satisfaction = satisfaction;
		visit.suggestions = suggestions;
		visit.notes = notes;
		visit.loggedBy = loggedBy;
		visit.idempotencyKey = idempotencyKey;
		visit.createdAt = now;
		return visit;
	}

	public VisitView toView() {
		return new VisitView(id, officerId, villageId, gridId, visitedOn, address, placeName, purpose, contactCards,
				satisfaction, suggestions, notes, createdAt);
	}
}
