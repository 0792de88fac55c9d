package org.zhufang.officers.internal;

import org.springframework.data.repository.CrudRepository;

public interface OfficerRepository extends CrudRepository<Officer, Long> {

	boolean existsByBadgeNumber(String badgeNumber);

	/** The officer as committed now (not as the transaction's snapshot has them), their row locked for share. */
	@org.springframework.data.jdbc.repository.query.Query("SELECT * FROM officer WHERE id = :id LOCK IN SHARE MODE")
	java.util.Optional<Officer> findByIdForShare(long id);
}
