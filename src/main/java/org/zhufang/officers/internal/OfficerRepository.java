package org.zhufang.officers.internal;

import org.springframework.data.repository.CrudRepository;

public interface OfficerRepository extends CrudRepository<Officer, Long> {

	boolean existsByBadgeNumber(String badgeNumber);
}
