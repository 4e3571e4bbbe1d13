/**
 * OCC retry: an advisor ordered outside the transaction interceptor runs {@code @RetryOnConflict}
 * methods (or all {@code @Transactional} ones) again with the connector's {@code TransactionRetry},
 * for the outermost transaction only; attempts are logged, counted with Micrometer when present, and
 * the thread's persistence contexts are cleared between them.
 */
package io.dsqlkit.spring.internal.retry;
