package io.dsqlkit.local.internal.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * While a committing session runs statements that may wait for other transactions' locks, makes
 * the transactions they wait for lose, as DSQL's first-committer-wins rule does (DSQL-FACTS §6).
 * A background thread asks the backing PostgreSQL, from a probe connection of its own, which
 * backends the committing session's backend waits for; each such transaction whose session is idle
 * between two cycles is rolled back and doomed ({@link ClientSession#loseToCommittingWriter()}), which
 * releases its locks so the waiting statement goes on. A transaction in the middle of a cycle is left
 * alone; the waiting statement then runs into the lock-wait bound and fails.
 */
final class LockWaitBreaker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LockWaitBreaker.class);
    /** A safety stop: the committing session closes the breaker long before this. */
    private static final Duration MAX_RUN = Duration.ofSeconds(5);

    private final Thread thread;
    private volatile boolean stopped;

    private LockWaitBreaker(FrontEndServer server, String user, String database, int waiterPid, ClientSession waiter) {
        this.thread = new Thread(() -> breakWaits(server, user, database, waiterPid, waiter), "dsql-local-lock-breaker");
        this.thread.setDaemon(true);
    }

    /**
     * Starts looking. The probe connection is opened on the breaker's own thread, so a statement
     * that waits for nobody (the usual case) pays neither for the connection nor for a join.
     */
    static LockWaitBreaker start(FrontEndServer server, String user, String database, int waiterPid, ClientSession waiter) {
        LockWaitBreaker breaker = new LockWaitBreaker(server, user, database, waiterPid, waiter);
        breaker.thread.start();
        return breaker;
    }

    /**
     * Makes the idle transactions among {@code blockerPids} (backend process ids) lose to {@code winner};
     * returns how many did.
     */
    static int makeIdleBlockersLose(SessionRegistry registry, List<Integer> blockerPids, ClientSession winner) {
        int losers = 0;
        for (int pid : blockerPids) {
            ClientSession blocker = registry.byBackendProcess(pid);
            if (blocker != null && blocker != winner && blocker.loseToCommittingWriter()) {
                losers++;
            }
        }
        return losers;
    }

    private void breakWaits(FrontEndServer server, String user, String database, int waiterPid, ClientSession waiter) {
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        try (LockWaitProbe probe = LockWaitProbe.open(server.backendSocket(), user, database)) {
            while (!stopped && System.nanoTime() < deadline) {
                List<Integer> blockers = probe.lookOnce(waiterPid);
                // Blockers seen while the waiter still waited did block it: they lose even if it ends now.
                int losers = makeIdleBlockersLose(server.registry(), blockers, waiter);
                if (losers > 0) {
                    log.debug("{} idle transaction(s) lost to a committing transaction", losers);
                }
                LockSupport.parkNanos(this, LockWaitProbe.POLL_INTERVAL.toNanos());
            }
        } catch (IOException e) {
            log.debug("lock probe failed; the committing transaction's writes wait as they would: {}", e.toString());
        }
    }

    /**
     * Stops looking, without waiting for the thread and without interrupting it: it may be writing
     * to another session's backend, whose channel an interrupt would close.
     */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
    }
}
