package io.dsqlkit.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/** Identity on an Integer: the dialect widens the column to bigint. */
@Entity
public class TimeValues {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    public LocalDate day;
    public LocalTime time;
    /** PostgreSQL's default for OffsetTime: normalised to UTC in a time column. */
    public OffsetTime timeWithZone;
    /** A timetz column, offset kept. */
    @JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE)
    public OffsetTime timetz;
    public LocalDateTime localDateTime;
    public OffsetDateTime offsetDateTime;
    public ZonedDateTime zonedDateTime;
    public Instant instant;
    public Duration duration;
    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    public Duration interval;
}
