/**
 * The starter's API: {@link io.dsqlkit.spring.RetryOnConflict} to retry whole transactions on DSQL
 * conflicts and {@link io.dsqlkit.spring.DsqlConflictFailureException}, the exception those conflicts become.
 * Everything else is auto-configured (see {@code io.dsqlkit.spring.autoconfigure}).
 */
package io.dsqlkit.spring;
