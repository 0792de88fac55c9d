package org.zhufang.officers.internal;

import org.springframework.data.repository.CrudRepository;

public interface PoliceOfficeRepository extends CrudRepository<PoliceOffice, Long> {

	boolean existsByStationIdAndName(Long stationId, String name);
}
