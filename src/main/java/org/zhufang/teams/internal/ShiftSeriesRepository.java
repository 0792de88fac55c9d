package org.zhufang.teams.internal;

import org.springframework.data.repository.CrudRepository;

public interface ShiftSeriesRepository extends CrudRepository<ShiftSeries, Long> {
}
