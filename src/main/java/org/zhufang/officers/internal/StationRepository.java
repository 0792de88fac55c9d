package org.zhufang.officers.internal;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface StationRepository extends CrudRepository<Station, Long> {

	boolean existsByCode(String code);

	/** The station covering the town, if any. */
	@Query("SELECT s.* FROM station s JOIN station_town st ON st.station_id = s.id WHERE st.town_id = :townId")
	java.util.Optional<Station> findByTown(long townId);
}
