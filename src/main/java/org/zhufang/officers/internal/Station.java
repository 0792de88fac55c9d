package org.zhufang.officers.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.StationView;

/** A police station and the towns it covers (each town in at most one station: a unique key). */
@Table("station")
public class Station {

	@Id
	private Long id;

	private String code;

	private String name;

	private boolean hasPartyBranch;

	@Column("supervising_member")
	private String supervisingCommitteeMember;

	@MappedCollection(idColumn = "station_id")
	private Set<StationTown> towns = new HashSet<>();

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Station() {
	}

	/** @param townPaths the towns (by id) with their area paths */
	public static Station open(String code, String name, Map<Long, String> townPaths, boolean hasPartyBranch,
			String supervisingCommitteeMember, Instant now) {
		Station station = new Station();
		station.code = code;
		station.name = name;
		station.cover(townPaths);
		station.hasPartyBranch = hasPartyBranch;
		station.supervisingCommitteeMember = supervisingCommitteeMember;
		station.createdAt = now;
		station.updatedAt = now;
		return station;
	}

	public void rename(String newName, Instant now) {
		name = newName;
		updatedAt = now;
	}

	/** The station now covers exactly these towns; it always covers at least one. */
	public void cover(Map<Long, String> townPaths) {
		if (townPaths.isEmpty()) {
			throw new IllegalArgumentException("A station covers at least one town");
		}
		Set<StationTown> next = new HashSet<>();
		townPaths.forEach((townId, path) -> next.add(new StationTown(townId, path)));
		towns = next;
	}

	/** The town leaves the station for another one; a station keeps at least one town. */
	public void handOver(long townId, Instant now) {
		if (towns.size() == 1 && towns.iterator().next().townId() == townId) {
			throw new IllegalStateException("A station covers at least one town");
		}
		towns.removeIf(t -> t.townId() == townId);
		updatedAt = now;
	}

	/** The station also covers this town from now on (handed over by another station, or by none). */
	public void takeOver(long townId, String townPath, Instant now) {
		towns.add(new StationTown(townId, townPath));
		updatedAt = now;
	}

	public void describeParty(Boolean newHasPartyBranch, String newMember, Instant now) {
		if (newHasPartyBranch != null) {
			hasPartyBranch = newHasPartyBranch;
		}
		if (newMember != null) {
			supervisingCommitteeMember = newMember.isBlank() ? null : newMember.strip();
		}
		updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public Integer getVersion() {
		return version;
	}

	/** Whether the area with this path lies in one of the station's towns. */
	public boolean coversPath(String areaPath) {
		return areaPath != null && towns.stream().anyMatch(t -> areaPath.startsWith(t.townPath()));
	}

	/** The towns the station covers, by id, with their area paths. */
	public Map<Long, String> townPathsById() {
		Map<Long, String> paths = new HashMap<>();
		towns.forEach(t -> paths.put(t.townId(), t.townPath()));
		return paths;
	}

	public Set<String> townPaths() {
		Set<String> paths = new HashSet<>();
		towns.forEach(t -> paths.add(t.townPath()));
		return paths;
	}

	public StationView toView() {
		return new StationView(id, code, name, towns.stream().map(StationTown::townId).sorted(Comparator.naturalOrder()).toList(),
				hasPartyBranch, supervisingCommitteeMember, version);
	}

	/** One town of a station, with its area path. */
	@Table("station_town")
	record StationTown(Long townId, String townPath) {
	}
}
