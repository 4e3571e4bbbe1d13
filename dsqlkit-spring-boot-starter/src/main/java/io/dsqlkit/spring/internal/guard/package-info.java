/**
 * Guards for transaction definitions DSQL cannot run (isolation levels other than REPEATABLE READ,
 * NESTED propagation): checked on {@code @Transactional} methods and {@code TransactionTemplate}
 * beans at startup.
 */
package io.dsqlkit.spring.internal.guard;
