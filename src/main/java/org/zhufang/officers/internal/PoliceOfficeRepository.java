package org.zhufang.officers.internal;

import org.springframework.data.repository.CrudRepository;

public interface PoliceOfficeRepository extends CrudRepository<PoliceOffice, Long> {

	boolean existsByStationIdAndName(Long stationId, String name);

	/** The office as committed now (its station may just have changed with a town move), its row locked for share. */
	@org.springframework.data.jdbc.repository.query.Query("SELECT * FROM police_office WHERE id = :id LOCK IN SHARE MODE")
	java.util.Optional<PoliceOffice> findByIdForShare(long id);
}
