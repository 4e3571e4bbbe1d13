package io.dsqlkit.jdbc.internal.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.DsqlExceptionOverride;
import io.dsqlkit.jdbc.internal.connect.UnpooledDataSource;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * HikariCP configuration for DSQL. Only this class touches HikariCP, so the connector works
 * without it on the classpath as long as nobody asks for a pool.
 */
public final class HikariPools {
    private static final String HIKARI_CONFIG_CLASS = "com.zaxxer.hikari.HikariConfig";

    private HikariPools() {
    }

    /** Whether HikariCP (an optional dependency) is on the classpath. */
    public static boolean available() {
        try {
            Class.forName(HIKARI_CONFIG_CLASS, false, HikariPools.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * A pool over {@code connections} with DSQL's defaults: connections retired before DSQL's
     * 60-minute cut-off, kept alive through NAT idle timeouts, and not evicted for DSQL's ordinary
     * errors.
     */
    public static HikariConfig config(UnpooledDataSource connections, PoolSettings pool) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(pool.poolName());
        config.setDataSource(connections);
        config.setMaximumPoolSize(pool.maximumPoolSize());
        config.setMaxLifetime(pool.maxLifetime().toMillis());
        config.setKeepaliveTime(pool.keepaliveTime().toMillis());
        config.setIdleTimeout(pool.idleTimeout().toMillis());
        config.setExceptionOverride(new DsqlExceptionOverride());
        return config;
    }

    public static DataSource dataSource(HikariConfig config) {
        return new HikariDataSource(config);
    }

    /** The pool's shape; the durations are already validated. */
    public record PoolSettings(String poolName, int maximumPoolSize, Duration maxLifetime, Duration keepaliveTime,
                               Duration idleTimeout) {
    }
}
