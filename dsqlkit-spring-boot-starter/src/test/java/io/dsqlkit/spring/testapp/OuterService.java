package io.dsqlkit.spring.testapp;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Starts a transaction (without retry) that the annotated inner method joins. */
@Service
public class OuterService {
    private final CounterService counters;

    public OuterService(CounterService counters) {
        this.counters = counters;
    }

    @Transactional
    public long incrementInsideOuterTransaction(UUID id) {
        return counters.increment(id);
    }
}
