package org.zhufang.outreach.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface TalkRepository extends CrudRepository<Talk, Long> {

	@Query("SELECT id FROM talk WHERE logged_by = :loggedBy AND idempotency_key = :key")
	Optional<Long> findIdByKey(String loggedBy, String key);
}
