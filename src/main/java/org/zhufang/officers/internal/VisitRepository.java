package org.zhufang.officers.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface VisitRepository extends CrudRepository<Visit, Long> {

	@Query("SELECT * FROM visit WHERE logged_by = :loggedBy AND idempotency_key = :key")
	Optional<Visit> findByKey(String loggedBy, String key);
}
