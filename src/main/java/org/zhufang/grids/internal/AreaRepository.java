package org.zhufang.grids.internal;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface AreaRepository extends CrudRepository<Area, Long> {

	boolean existsByCode(String code);

	@Query("SELECT COUNT(*) > 0 FROM area WHERE parent_id = :parentId AND status = 'ACTIVE'")
	boolean hasActiveChildren(Long parentId);
}
