package io.dsqlkit.spring.testapp;

import io.dsqlkit.spring.RetryOnConflict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class CounterService {
    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final Attempts attempts;
    /** The entity instance each attempt loaded: a cleared persistence context hands out a new one. */
    private final List<Counter> loaded = new ArrayList<>();

    public CounterService(JdbcTemplate jdbc, Attempts attempts) {
        this.jdbc = jdbc;
        this.attempts = attempts;
    }

    @RetryOnConflict
    @Transactional
    public long increment(UUID id) {
        attempts.record();
        Counter counter = entityManager.find(Counter.class, id);
        loaded.add(counter);
        return counter.increment();
    }

    @RetryOnConflict(maxAttempts = 2)
    @Transactional
    public long incrementWithTwoAttempts(UUID id) {
        attempts.record();
        return entityManager.find(Counter.class, id).increment();
    }

    @Transactional
    public long incrementWithoutRetry(UUID id) {
        attempts.record();
        return entityManager.find(Counter.class, id).increment();
    }

    @RetryOnConflict
    @Transactional
    public void incrementWithJdbc(UUID id) {
        attempts.record();
        jdbc.update("update counters set value = value + 1 where id = ?", id);
    }

    /**
     * The first attempt asks DSQL Local to fail this session's next commit, the way a test of one
     * code path forces a conflict without touching other sessions.
     */
    @RetryOnConflict
    @Transactional
    public long incrementFailingTheFirstCommitOfThisSession(UUID id) {
        attempts.record();
        if (attempts.count() == 1) {
            jdbc.execute("SET dsql.local_fail_next_commits = 1");
        }
        return entityManager.find(Counter.class, id).increment();
    }

    public List<Counter> loaded() {
        return loaded;
    }

    public long value(UUID id) {
        return jdbc.queryForObject("select value from counters where id = ?", Long.class, id);
    }

    public UUID create() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into counters (id, value) values (?, 0)", id);
        return id;
    }
}
