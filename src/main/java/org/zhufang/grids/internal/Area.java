package org.zhufang.grids.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaStatus;
import org.zhufang.grids.AreaView;

/**
 * A node of the area tree. Its level is fixed by its parent's, its path (ids from the root) is
 * fixed once it has an id, and it can only be retired once nothing active hangs under it.
 */
@Table("area")
public class Area {

	@Id
	private Long id;

	private String code;

	private String name;

	private AreaLevel level;

	private Long parentId;

	private String path;

	private int households;

	private int residents;

	private AreaStatus status;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Area() {
	}

	/** A new area under {@code parent} (null only for a county); the caller checked the level. */
	public static Area create(Area parent, String code, String name, AreaLevel level, int households, int residents,
			Instant now) {
		if (parent == null ? level != AreaLevel.COUNTY : !level.isDirectlyBelow(parent.level)) {
			throw new IllegalStateException("A " + level + " cannot hang under " + (parent == null ? "nothing" : parent.level));
		}
		Area area = new Area();
		area.code = code;
		area.name = name;
		area.level = level;
		area.parentId = parent == null ? null : parent.id;
		area.households = households;
		area.residents = residents;
		area.status = AreaStatus.ACTIVE;
		area.createdAt = now;
		area.updatedAt = now;
		return area;
	}

	/** Fixes the path once the database has given the area its id. */
	public void placeUnder(Area parent) {
		if (id == null || path != null) {
			throw new IllegalStateException("The path is set once, after the first save");
		}
		path = (parent == null ? "/" : parent.path) + id + "/";
	}

	public void describe(String newName, Integer newHouseholds, Integer newResidents, Instant now) {
		if (newName != null) {
			name = newName;
		}
		if (newHouseholds != null) {
			households = newHouseholds;
		}
		if (newResidents != null) {
			residents = newResidents;
		}
		updatedAt = now;
	}

	/** Retires the area; the caller has checked nothing active hangs under it. */
	public void retire(Instant now) {
		if (status == AreaStatus.RETIRED) {
			throw new IllegalStateException("Already retired");
		}
		status = AreaStatus.RETIRED;
		updatedAt = now;
	}

	public boolean isActive() {
		return status == AreaStatus.ACTIVE;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public AreaLevel getLevel() {
		return level;
	}

	public Integer getVersion() {
		return version;
	}

	public AreaView toView() {
		return new AreaView(id, code, name, level, status, parentId, path, households, residents, version);
	}
}
