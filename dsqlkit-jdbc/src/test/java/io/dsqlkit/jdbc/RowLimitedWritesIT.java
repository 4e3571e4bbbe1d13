package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.RowLimitedWrites.KeyChunks;
import io.dsqlkit.jdbc.testing.LocalDsql;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.dsqlkit.jdbc.testing.LocalDsql.exec;
import static io.dsqlkit.jdbc.testing.LocalDsql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes larger than DSQL's 3 000-row transaction limit, split into chunks (DSQL-FACTS §4). */
@DsqlLocalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLimitedWritesIT {
    private static final int ROWS = 10_000;

    private final DsqlLocal local;
    private final DsqlCluster cluster;
    private HikariDataSource pool;

    RowLimitedWritesIT(DsqlLocal local, DsqlCluster cluster) {
        this.local = local;
        this.cluster = cluster;
    }

    @BeforeAll
    void start() {
        pool = (HikariDataSource) LocalDsql.signedBuilder(local, cluster).maximumPoolSize(2).build();
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    @BeforeEach
    void schema() throws SQLException {
        try (Connection c = pool.getConnection()) {
            exec(c, "drop table if exists event");
            exec(c, "create table event (id bigint primary key, kind text not null, archived boolean not null default false)");
            exec(c, "drop table if exists session_token");
            exec(c, "create table session_token (id uuid primary key, owner text not null)");
        }
    }

    private long insertEvents(RowLimitedWrites writes) throws SQLException {
        List<Integer> ids = IntStream.rangeClosed(1, ROWS).boxed().toList();
        return writes.insertAll("insert into event (id, kind) values (?, ?)", ids, (ps, id) -> {
            ps.setLong(1, id);
            ps.setString(2, id % 10 == 0 ? "audit" : "click");
        });
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return Long.parseLong(scalar(c, sql));
        }
    }

    @Test
    void oneStatementCannotTouchTenThousandRows() throws SQLException {
        try (Connection c = pool.getConnection()) {
            assertThatThrownBy(() -> exec(c, "insert into event (id, kind) select g, 'click' from generate_series(1, 10000) g"))
                    .hasMessageContaining("transaction row limit exceeded")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
        }
        assertThat(count("select count(*) from event")).isZero();
    }

    @Test
    void insertsAndDeletesTenThousandRowsInChunks() throws SQLException {
        RowLimitedWrites writes = RowLimitedWrites.of(pool);
        assertThat(insertEvents(writes)).isEqualTo(ROWS);
        assertThat(count("select count(*) from event")).isEqualTo(ROWS);

        long deleted = writes.executeByKeyChunks(
                KeyChunks.longKeys("select id from event where id > ? order by id limit ?"),
                "delete from event where id = any(?)");
        assertThat(deleted).isEqualTo(ROWS);
        assertThat(count("select count(*) from event")).isZero();
    }

    @Test
    void updatesOnlyTheRowsTheKeyQuerySelects() throws SQLException {
        RowLimitedWrites writes = RowLimitedWrites.of(pool).withChunkRows(2_500);
        insertEvents(writes);
        long updated = writes.executeByKeyChunks(
                KeyChunks.longKeys("select id from event where kind = ? and not archived and id > ? order by id limit ?", "click"),
                "update event set archived = ? where id = any(?)", true);
        assertThat(updated).isEqualTo(9_000);
        assertThat(count("select count(*) from event where archived")).isEqualTo(9_000);
        assertThat(count("select count(*) from event where archived and kind = 'audit'")).isZero();
    }

    @Test
    void eachChunkIsRetriedOnAConflict() throws SQLException {
        AtomicInteger retries = new AtomicInteger();
        TransactionRetry retry = TransactionRetry.of(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5)).build()).withListener(new RetryListener() {
            @Override
            public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
                retries.incrementAndGet();
            }
        });
        RowLimitedWrites writes = RowLimitedWrites.of(pool).withRetry(retry).withChunkRows(3_000);
        cluster.failNextCommits(2);
        assertThat(insertEvents(writes)).isEqualTo(ROWS);
        assertThat(retries).hasValue(2);
        cluster.failNextCommits(1);
        assertThat(writes.executeByKeyChunks(KeyChunks.longKeys("select id from event where id > ? order by id limit ?"),
                "delete from event where id = any(?)")).isEqualTo(ROWS);
        assertThat(retries).hasValue(3);
        assertThat(count("select count(*) from event")).isZero();
    }

    @Test
    void uuidKeysArePagedInPostgresOrder() throws SQLException {
        List<UUID> ids = IntStream.range(0, 2_500).mapToObj(i -> UUID.randomUUID()).toList();
        RowLimitedWrites writes = RowLimitedWrites.of(pool).withChunkRows(700);
        writes.insertAll("insert into session_token (id, owner) values (?, ?)", ids, (ps, id) -> {
            ps.setObject(1, id);
            ps.setString(2, "user-" + (id.hashCode() & 3));
        });
        long deleted = writes.executeByKeyChunks(
                KeyChunks.uuidKeys("select id from session_token where id > ? order by id limit ?"),
                "delete from session_token where id = any(?)");
        assertThat(deleted).isEqualTo(2_500);
        assertThat(count("select count(*) from session_token")).isZero();
    }

    @Test
    void statementsThatBreakTheParameterConventionAreRefusedBeforeWriting() throws SQLException {
        insertEvents(RowLimitedWrites.of(pool));
        RowLimitedWrites writes = RowLimitedWrites.of(pool);
        assertThatThrownBy(() -> writes.executeByKeyChunks(KeyChunks.longKeys("select id from event order by id limit ?"),
                "delete from event where id = any(?)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'select id from event order by id limit ?' has 1 parameter(s) but 2 are expected: the key"
                        + " query takes the caller's 0 parameter(s), then the key to start after, then the chunk size"
                        + " (… AND id > ? ORDER BY id LIMIT ?)");
        assertThatThrownBy(() -> writes.executeByKeyChunks(
                KeyChunks.longKeys("select id from event where id > ? order by id desc limit ?"),
                "delete from event where id = any(?)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must return non-null keys greater than the cursor in ascending order");
        assertThat(count("select count(*) from event")).isEqualTo(ROWS);
        assertThatThrownBy(() -> writes.withChunkRows(3_001))
                .hasMessage("chunkRows must be between 1 and 3000 (DSQL's per-transaction row limit), was 3001");
    }
}
