package org.zhufang.officers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of handing a town to another station: row locks, and one statement per kind of change
 * whatever the size of the town. Every read here is a locking read, so it sees (and holds) the
 * rows as committed now, not as the transaction's snapshot had them.
 */
@Repository
public class StationTownMoves {

	private final JdbcClient jdbc;

	StationTownMoves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the stations' rows, in id order (two moves never wait on each other crosswise), and
	 * answers their versions as committed.
	 */
	public Map<Long, Integer> lockStations(Collection<Long> stationIds) {
		Map<Long, Integer> versions = new HashMap<>();
		jdbc.sql("SELECT id, version FROM station WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", stationIds)
			.query(rs -> {
				versions.put(rs.getLong("id"), rs.getInt("version"));
			});
		return versions;
	}

	/** The station covering the town now (a locking read). */
	public Optional<Long> holderOf(long townId) {
		return jdbc.sql("SELECT station_id FROM station_town WHERE town_id = :town FOR UPDATE").param("town", townId)
			.query(Long.class).optional();
	}

	/** A station's police offices sitting in the town (the town itself or any area under it), locked. */
	public List<MovingOffice> officesIn(long stationId, String townPath) {
		return jdbc.sql("SELECT id, name FROM police_office WHERE station_id = :station AND area_path LIKE :town"
				+ " ORDER BY id FOR UPDATE")
			.param("station", stationId).param("town", townPath + "%")
			.query((rs, n) -> new MovingOffice(rs.getLong("id"), rs.getString("name"))).list();
	}

	/** Which of these names the station's police offices already have. */
	public List<String> officeNamesTaken(long stationId, Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT name FROM police_office WHERE station_id = :station AND name IN (:names) ORDER BY name"
				+ " LOCK IN SHARE MODE")
			.param("station", stationId).param("names", names).query(String.class).list();
	}

	/** The ACTIVE officers of the station seated in these offices, locked. */
	public List<MovingOfficer> officersIn(long stationId, Collection<Long> officeIds) {
		if (officeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, joined_on FROM officer WHERE police_office_id IN (:offices)"
				+ " AND station_id = :station AND status = 'ACTIVE' ORDER BY id FOR UPDATE")
			.param("offices", officeIds).param("station", stationId)
			.query((rs, n) -> new MovingOfficer(rs.getLong("id"), rs.getString("name"),
					rs.getDate("joined_on").toLocalDate()))
			.list();
	}

	/** The active assignments of the town's villages, locked. */
	public List<ActiveAssignment> activeIn(String townPath) {
		return jdbc.sql("SELECT id, village_id, officer_id, started_on FROM village_officer"
				+ " WHERE ended_on IS NULL AND village_path LIKE :town ORDER BY village_path FOR UPDATE")
			.param("town", townPath + "%").query((rs, n) -> assignment(rs)).list();
	}

	/** The officers' active assignments outside the town, locked. */
	public List<ActiveAssignment> activeOutside(Collection<Long> officerIds, String townPath) {
		if (officerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, village_id, officer_id, started_on FROM village_officer"
				+ " WHERE ended_on IS NULL AND officer_id IN (:officers) AND village_path NOT LIKE :town"
				+ " ORDER BY officer_id, village_path FOR UPDATE")
			.param("officers", officerIds).param("town", townPath + "%").query((rs, n) -> assignment(rs)).list();
	}

	/** The offices now belong to the other station (a version bump each, like any change). */
	public int moveOffices(Collection<Long> officeIds, long toStationId, Instant now) {
		if (officeIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE police_office SET station_id = :to, version = version + 1, updated_at = :now"
				+ " WHERE id IN (:ids)")
			.param("to", toStationId).param("now", Timestamp.from(now)).param("ids", officeIds).update();
	}

	/**
	 * The officers now serve in the other station from that day, keeping their office; each gets an
	 * entry in their transfer history, as a transfer writes.
	 */
	public int moveOfficers(Collection<Long> officerIds, long fromStationId, long toStationId, LocalDate on,
			String reason, Instant now) {
		if (officerIds.isEmpty()) {
			return 0;
		}
		jdbc.sql("INSERT INTO officer_transfer (officer_id, from_station_id, to_station_id, transferred_on, reason,"
				+ " created_at) SELECT id, :from, :to, :on, :reason, :now FROM officer WHERE id IN (:ids) ORDER BY id")
			.param("from", fromStationId).param("to", toStationId).param("on", on).param("reason", reason)
			.param("now", Timestamp.from(now)).param("ids", officerIds).update();
		return jdbc.sql("UPDATE officer SET station_id = :to, joined_on = :on, version = version + 1, updated_at = :now"
				+ " WHERE id IN (:ids)")
			.param("to", toStationId).param("on", on).param("now", Timestamp.from(now)).param("ids", officerIds)
			.update();
	}

	/** Ends these active assignments on that day with a system reason; answers how many ended. */
	public int endAssignments(Collection<Long> assignmentIds, LocalDate on, String reason) {
		if (assignmentIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE village_officer SET ended_on = :on, end_reason = :reason, version = version + 1"
				+ " WHERE id IN (:ids) AND ended_on IS NULL")
			.param("on", on).param("reason", reason).param("ids", assignmentIds).update();
	}

	private static ActiveAssignment assignment(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ActiveAssignment(rs.getLong("id"), rs.getLong("village_id"), rs.getLong("officer_id"),
				rs.getDate("started_on").toLocalDate());
	}

	public record MovingOffice(long id, String name) {
	}

	public record MovingOfficer(long id, String name, LocalDate joinedOn) {
	}

	public record ActiveAssignment(long id, long villageId, long officerId, LocalDate startedOn) {
	}
}
