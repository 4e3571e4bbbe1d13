package io.dsqlkit.spring.testapp;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often test service methods ran, retries included. */
public class Attempts {
    private final AtomicInteger count = new AtomicInteger();

    public void record() {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }

    public void reset() {
        count.set(0);
    }
}
