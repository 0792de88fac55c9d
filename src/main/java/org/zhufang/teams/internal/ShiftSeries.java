package org.zhufang.teams.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The weekly pattern a series of shifts was scheduled from (kept for reference). */
@Table("shift_series")
public class ShiftSeries {

	@Id
	private Long id;

	private Long teamId;

	private String daysOfWeek;

	private LocalTime startTime;

	private LocalTime endTime;

	private LocalDate fromDate;

	private LocalDate toDate;

	@Version
	private Integer version;

	private Instant createdAt;

	ShiftSeries() {
	}

	public static ShiftSeries of(long teamId, String daysOfWeek, LocalTime startTime, LocalTime endTime,
			LocalDate fromDate, LocalDate toDate, Instant now) {
		ShiftSeries series = new ShiftSeries();
		series.teamId = teamId;
		series.daysOfWeek = daysOfWeek;
		series.startTime = startTime;
		series.endTime = endTime;
		series.fromDate = fromDate;
		series.toDate = toDate;
		series.createdAt = now;
		return series;
	}

	public Long getId() {
		return id;
	}
}
