package org.zhufang.teams.internal;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface ActivityRepository extends CrudRepository<Activity, Long> {

	Optional<Activity> findByShiftId(Long shiftId);
}
