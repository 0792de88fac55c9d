package org.zhufang.grids.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface AreaRepository extends CrudRepository<Area, Long> {

	boolean existsByCode(String code);

	/**
	 * The area, its row locked for share until the transaction ends: a command that hangs something
	 * under the area (a child, a grid's staff) reads its current status and keeps it from being
	 * retired until that command has committed.
	 */
	@Query("SELECT * FROM area WHERE id = :id LOCK IN SHARE MODE")
	Optional<Area> findAndLockForShare(Long id);

	/**
	 * The area, its row locked for update until the transaction ends: retiring waits for commands
	 * hanging something under it to commit, and keeps new ones out until it has committed.
	 */
	@Query("SELECT * FROM area WHERE id = :id FOR UPDATE")
	Optional<Area> findAndLockForUpdate(Long id);

	@Query("SELECT COUNT(*) > 0 FROM area WHERE parent_id = :parentId AND status = 'ACTIVE'")
	boolean hasActiveChildren(Long parentId);
}
