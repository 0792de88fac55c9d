package org.zhufang.teams.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface ShiftAssignmentRepository extends CrudRepository<ShiftAssignment, Long> {

	Optional<ShiftAssignment> findByShiftIdAndVolunteerId(Long shiftId, Long volunteerId);

	List<ShiftAssignment> findByShiftId(Long shiftId);
}
