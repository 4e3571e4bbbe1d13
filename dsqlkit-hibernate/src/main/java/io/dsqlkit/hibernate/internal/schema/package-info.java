/**
 * Schema generation on DSQL's terms: one statement per transaction, async indexes and constraint
 * validation with waiting for their jobs, sequences and identity with CACHE, inline unique keys,
 * foreign keys as NOT VALID plus async validation, bare ADD COLUMN on update, truncation by
 * batched deletes.
 */
package io.dsqlkit.hibernate.internal.schema;
