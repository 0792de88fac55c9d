package org.zhufang.grids.internal;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.zhufang.grids.StaffRole;

public interface GridStaffRepository extends CrudRepository<GridStaffAssignment, Long> {

	@Query("SELECT COUNT(*) > 0 FROM grid_staff WHERE grid_id = :gridId AND role = :role AND ended_on IS NULL")
	boolean hasActive(Long gridId, StaffRole role);

	@Query("SELECT COUNT(*) > 0 FROM grid_staff WHERE grid_id = :gridId AND ended_on IS NULL")
	boolean hasAnyActive(Long gridId);

	@Query("""
			SELECT COUNT(*) > 0 FROM grid_staff
			WHERE grid_id = :gridId AND person_kind = :personKind AND person_ref = :personRef AND ended_on IS NULL""")
	boolean hasActivePerson(Long gridId, String personKind, String personRef);
}
