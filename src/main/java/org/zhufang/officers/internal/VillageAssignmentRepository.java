package org.zhufang.officers.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface VillageAssignmentRepository extends CrudRepository<VillageAssignment, Long> {

	@Query("SELECT * FROM village_officer WHERE village_id = :villageId AND ended_on IS NULL")
	Optional<VillageAssignment> findActiveByVillage(long villageId);

	@Query("SELECT * FROM village_officer WHERE officer_id = :officerId AND ended_on IS NULL ORDER BY village_id")
	List<VillageAssignment> findActiveByOfficer(long officerId);

	/** The day the village's last ended assignment ended; null when none has. */
	@Query("SELECT MAX(ended_on) FROM village_officer WHERE village_id = :villageId")
	java.time.LocalDate lastEndedOn(long villageId);

	/** Whether the officer was responsible for the village on that day. */
	@Query("""
			SELECT COUNT(*) > 0 FROM village_officer
			WHERE village_id = :villageId AND officer_id = :officerId AND started_on <= :on
			  AND (ended_on IS NULL OR ended_on >= :on)""")
	boolean wasResponsible(long villageId, long officerId, java.time.LocalDate on);
}
