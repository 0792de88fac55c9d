package org.zhufang.officers.internal;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface StationRepository extends CrudRepository<Station, Long> {

	boolean existsByCode(String code);

	/**
	 * Locks the station's row for share until the transaction ends and answers its version as
	 * committed: a command that relies on the station's towns waits for a town move or station
	 * change in progress, and compares versions to see whether it read the station before it.
	 */
	@Query("SELECT version FROM station WHERE id = :id LOCK IN SHARE MODE")
	Integer lockForShare(long id);

	/**
	 * Locks the station's row for a change of its towns; null when there is none. Taken before
	 * any plain read of the transaction, it waits for assignments and office changes that hold
	 * the row for share, and the reads after it see what they committed.
	 */
	@Query("SELECT version FROM station WHERE id = :id FOR UPDATE")
	Integer lockForUpdate(long id);

	/** The station covering the town, if any. */
	@Query("SELECT s.* FROM station s JOIN station_town st ON st.station_id = s.id WHERE st.town_id = :townId")
	java.util.Optional<Station> findByTown(long townId);
}
