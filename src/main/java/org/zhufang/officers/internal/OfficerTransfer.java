package org.zhufang.officers.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.OfficerTransferView;

/** One entry of an officer's transfer history; written once, never changed. */
@Table("officer_transfer")
public class OfficerTransfer {

	@Id
	private Long id;

	private Long officerId;

	private Long fromStationId;

	private Long toStationId;

	private LocalDate transferredOn;

	private String reason;

	private Instant createdAt;

	OfficerTransfer() {
	}

	public static OfficerTransfer record(long officerId, Long fromStationId, Long toStationId, LocalDate on,
			String reason, Instant now) {
		OfficerTransfer transfer = new OfficerTransfer();
		transfer.officerId = officerId;
		transfer.fromStationId = fromStationId;
		transfer.toStationId = toStationId;
		transfer.transferredOn = on;
		transfer.reason = reason;
		transfer.createdAt = now;
		return transfer;
	}

	public OfficerTransferView toView() {
		return new OfficerTransferView(id, officerId, fromStationId, toStationId, transferredOn, reason);
	}
}
