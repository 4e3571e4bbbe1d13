package io.dsqlkit.jdbc;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Large writes as a series of transactions that each stay under DSQL's limit of 3 000 modified rows
 * per transaction (DSQL-FACTS §4: the statement that crosses it fails with {@code 54000} and nothing
 * commits), each chunk retried on its own through a {@link TransactionRetry}.
 *
 * <p>Two shapes, neither of which splices caller SQL into SQL of its own:
 * <ul>
 *   <li>{@link #executeByKeyChunks}: a key-selecting query written by the caller picks the next
 *       chunk of primary keys after a cursor (keyset pagination), and a write statement written by
 *       the caller is run for exactly those keys, bound as one array parameter. Both run in the same
 *       transaction, so a retried chunk re-reads its keys.</li>
 *   <li>{@link #insertAll}: a batch of rows inserted in chunks, one transaction per chunk.</li>
 * </ul>
 *
 * <pre>{@code
 * long deleted = RowLimitedWrites.of(dataSource).executeByKeyChunks(
 *         KeyChunks.longKeys("SELECT id FROM orders WHERE created < ? AND id > ? ORDER BY id LIMIT ?", cutoff),
 *         "DELETE FROM orders WHERE id = ANY(?)");
 * }</pre>
 *
 * <p>A completed chunk stays committed if a later one fails: the writes are a series of
 * transactions, not one. Immutable and thread-safe.
 */
public final class RowLimitedWrites {
    /** DSQL's limit of rows modified by one transaction (DSQL-FACTS §4). */
    public static final int DSQL_MAX_ROWS_PER_TRANSACTION = 3_000;
    /**
     * Rows per chunk by default: a third of the row limit, leaving room for rows changed by foreign-key
     * cascades, and small enough to stay under the 10 MiB per-transaction size limit for rows up to
     * 10 KiB.
     */
    public static final int DEFAULT_CHUNK_ROWS = 1_000;

    private final DataSource dataSource;
    private final int chunkRows;
    private final TransactionRetry retry;

    private RowLimitedWrites(DataSource dataSource, int chunkRows, TransactionRetry retry) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.chunkRows = chunkRows;
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Chunks of {@value #DEFAULT_CHUNK_ROWS} rows, each retried with {@link RetryPolicy#defaults()}. */
    public static RowLimitedWrites of(DataSource dataSource) {
        return new RowLimitedWrites(dataSource, DEFAULT_CHUNK_ROWS, TransactionRetry.of(RetryPolicy.defaults()));
    }

    /** The same writer with at most {@code rows} rows per chunk: 1 to {@value #DSQL_MAX_ROWS_PER_TRANSACTION}. */
    public RowLimitedWrites withChunkRows(int rows) {
        if (rows < 1 || rows > DSQL_MAX_ROWS_PER_TRANSACTION) {
            throw new IllegalArgumentException("chunkRows must be between 1 and " + DSQL_MAX_ROWS_PER_TRANSACTION
                    + " (DSQL's per-transaction row limit), was " + rows);
        }
        return new RowLimitedWrites(dataSource, rows, retry);
    }

    /** The same writer retrying each chunk with {@code retry}. */
    public RowLimitedWrites withRetry(TransactionRetry retry) {
        return new RowLimitedWrites(dataSource, chunkRows, retry);
    }

    public int chunkRows() {
        return chunkRows;
    }

    public TransactionRetry retry() {
        return retry;
    }

    /**
     * Runs {@code writeSql} once per chunk of keys chosen by {@code keys}, each chunk in its own
     * transaction, until the key query finds no more keys.
     *
     * <p>{@code writeSql} takes the caller's {@code writeParameters} first and then one array
     * parameter holding the chunk's keys, e.g. {@code UPDATE t SET done = true WHERE id = ANY(?)}.
     * It should modify only the rows of those keys; if it modifies more than DSQL allows, the chunk
     * fails with {@code 54000} and this method throws (lower {@link #withChunkRows}).
     *
     * @return the sum of the update counts of all chunks
     * @throws IllegalArgumentException if a statement's number of parameters does not fit the
     *         convention (checked on the first chunk, before anything is written)
     * @throws IllegalStateException if the key query returns keys out of order or more than the limit
     */
    public <K> long executeByKeyChunks(KeyChunks<K> keys, String writeSql, Object... writeParameters) throws SQLException {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(writeSql, "writeSql");
        Object[] parameters = writeParameters.clone();
        long total = 0;
        K cursor = keys.type.minimum;
        boolean first = true;
        while (true) {
            K after = cursor;
            boolean check = first;
            ChunkResult<K> chunk = retry.inTransaction(dataSource, connection -> {
                if (check) {
                    checkParameterCount(connection, keys.query, keys.parameters.length + 2,
                            "the key query takes the caller's " + keys.parameters.length + " parameter(s), then the"
                                    + " key to start after, then the chunk size (… AND id > ? ORDER BY id LIMIT ?)");
                    checkParameterCount(connection, writeSql, parameters.length + 1,
                            "the write statement takes the caller's " + parameters.length + " parameter(s), then the"
                                    + " array of keys (… WHERE id = ANY(?))");
                }
                List<K> chunkKeys = selectKeys(connection, keys, after);
                if (chunkKeys.isEmpty()) {
                    return new ChunkResult<K>(chunkKeys, 0);
                }
                try (PreparedStatement write = connection.prepareStatement(writeSql)) {
                    bind(write, parameters);
                    Array array = connection.createArrayOf(keys.type.sqlType, chunkKeys.toArray());
                    write.setArray(parameters.length + 1, array);
                    return new ChunkResult<>(chunkKeys, write.executeLargeUpdate());
                }
            });
            first = false;
            total += chunk.updated;
            if (chunk.keys.size() < chunkRows) {
                return total;
            }
            cursor = chunk.keys.get(chunk.keys.size() - 1);
        }
    }

    private <K> List<K> selectKeys(Connection connection, KeyChunks<K> keys, K after) throws SQLException {
        List<K> selected = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(keys.query)) {
            bind(select, keys.parameters);
            select.setObject(keys.parameters.length + 1, after);
            select.setInt(keys.parameters.length + 2, chunkRows);
            try (ResultSet rows = select.executeQuery()) {
                K previous = after;
                while (rows.next()) {
                    K key = keys.type.read(rows);
                    if (key == null || keys.type.order.compare(key, previous) <= 0) {
                        throw new IllegalStateException("the key query returned " + key + " after " + previous
                                + "; it must return non-null keys greater than the cursor in ascending order"
                                + " (… AND id > ? ORDER BY id LIMIT ?)");
                    }
                    selected.add(key);
                    previous = key;
                }
            }
        }
        if (selected.size() > chunkRows) {
            throw new IllegalStateException("the key query returned " + selected.size() + " keys for a chunk of "
                    + chunkRows + "; bind its last parameter as the LIMIT");
        }
        return selected;
    }

    /**
     * Inserts {@code rows} with {@code insertSql} (one row per execution, parameters set by
     * {@code binder}), batched in chunks of {@link #chunkRows()} rows, one transaction per chunk.
     *
     * @return the number of rows inserted
     */
    public <T> long insertAll(String insertSql, Collection<? extends T> rows, RowBinder<? super T> binder) throws SQLException {
        Objects.requireNonNull(insertSql, "insertSql");
        Objects.requireNonNull(binder, "binder");
        List<? extends T> all = List.copyOf(rows);
        long inserted = 0;
        for (int from = 0; from < all.size(); from += chunkRows) {
            List<? extends T> chunk = all.subList(from, Math.min(all.size(), from + chunkRows));
            inserted += retry.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                    for (T row : chunk) {
                        binder.bind(insert, row);
                        insert.addBatch();
                    }
                    long count = 0;
                    for (long n : insert.executeLargeBatch()) {
                        // SUCCESS_NO_INFO (-2) means one row was written without a count.
                        count += n >= 0 ? n : 1;
                    }
                    return count;
                }
            });
        }
        return inserted;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static void checkParameterCount(Connection connection, String sql, int expected, String convention)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int actual = statement.getParameterMetaData().getParameterCount();
            if (actual != expected) {
                throw new IllegalArgumentException("'" + sql + "' has " + actual + " parameter(s) but " + expected
                        + " are expected: " + convention);
            }
        }
    }

    private record ChunkResult<K>(List<K> keys, long updated) {
    }

    /** Sets the parameters of one row of an insert. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /**
     * The query that picks the keys of the next chunk. Its parameters are the caller's, then the key
     * to start after (exclusive; the type's smallest value for the first chunk), then the chunk size;
     * it must return one key column in ascending order:
     * {@code SELECT id FROM t WHERE <condition> AND id > ? ORDER BY id LIMIT ?}.
     */
    public static final class KeyChunks<K> {
        private final KeyType<K> type;
        private final String query;
        private final Object[] parameters;

        private KeyChunks(KeyType<K> type, String query, Object[] parameters) {
            this.type = type;
            this.query = Objects.requireNonNull(query, "query");
            this.parameters = parameters.clone();
        }

        /**
         * {@code bigint} keys (also {@code integer}/{@code smallint}), first cursor {@link Long#MIN_VALUE}
         * (so a row whose key is exactly that value is never chosen; the same holds for the other key
         * types' first cursors).
         */
        public static KeyChunks<Long> longKeys(String query, Object... parameters) {
            return new KeyChunks<>(KeyType.LONG, query, parameters);
        }

        /** {@code uuid} keys, first cursor the nil UUID (the smallest in PostgreSQL's order). */
        public static KeyChunks<UUID> uuidKeys(String query, Object... parameters) {
            return new KeyChunks<>(KeyType.UUID_KEYS, query, parameters);
        }

        /** {@code text}/{@code varchar} keys, first cursor the empty string (DSQL collates with C, DSQL-FACTS §3). */
        public static KeyChunks<String> textKeys(String query, Object... parameters) {
            return new KeyChunks<>(KeyType.TEXT, query, parameters);
        }

        @Override
        public String toString() {
            return "KeyChunks[" + type.sqlType + ": " + query + " " + Arrays.toString(parameters) + "]";
        }
    }

    private static final class KeyType<K> {
        static final KeyType<Long> LONG = new KeyType<>("bigint", Long.MIN_VALUE, Comparator.naturalOrder(),
                rows -> {
                    long value = rows.getLong(1);
                    return rows.wasNull() ? null : value;
                });
        /** PostgreSQL orders uuids by their bytes, i.e. as unsigned 128-bit numbers. */
        static final KeyType<UUID> UUID_KEYS = new KeyType<>("uuid", new UUID(0, 0),
                Comparator.<UUID>comparingLong(u -> u.getMostSignificantBits() ^ Long.MIN_VALUE)
                        .thenComparingLong(u -> u.getLeastSignificantBits() ^ Long.MIN_VALUE),
                rows -> rows.getObject(1, UUID.class));
        /** Collation C compares bytes; UTF-8 byte order equals code point order. */
        static final KeyType<String> TEXT = new KeyType<>("text", "", Comparator.comparing(s -> s,
                (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())),
                rows -> rows.getString(1));

        final String sqlType;
        final K minimum;
        final Comparator<K> order;
        final KeyReader<K> reader;

        private KeyType(String sqlType, K minimum, Comparator<K> order, KeyReader<K> reader) {
            this.sqlType = sqlType;
            this.minimum = minimum;
            this.order = order;
            this.reader = reader;
        }

        K read(ResultSet rows) throws SQLException {
            return reader.read(rows);
        }
    }

    @FunctionalInterface
    private interface KeyReader<K> {
        K read(ResultSet rows) throws SQLException;
    }
}
