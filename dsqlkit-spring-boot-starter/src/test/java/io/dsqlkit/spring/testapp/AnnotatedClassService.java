package io.dsqlkit.spring.testapp;

import io.dsqlkit.spring.RetryOnConflict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** {@link RetryOnConflict} on the class covers its public methods. */
@Service
@RetryOnConflict
@Transactional
public class AnnotatedClassService {
    @PersistenceContext
    private EntityManager entityManager;
    private final Attempts attempts;

    public AnnotatedClassService(Attempts attempts) {
        this.attempts = attempts;
    }

    public long increment(UUID id) {
        attempts.record();
        return entityManager.find(Counter.class, id).increment();
    }
}
