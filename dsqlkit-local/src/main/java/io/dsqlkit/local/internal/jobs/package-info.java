/**
 * DSQL's asynchronous jobs ({@code CREATE INDEX ASYNC}, {@code ALTER TABLE ASYNC ... VALIDATE
 * CONSTRAINT}): the runner that carries them out against the backing PostgreSQL, recording each in
 * the table behind {@code sys.jobs}.
 */
package io.dsqlkit.local.internal.jobs;
