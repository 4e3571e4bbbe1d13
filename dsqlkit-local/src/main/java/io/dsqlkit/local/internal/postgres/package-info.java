/**
 * The backing store: one embedded PostgreSQL 16.15 (zonky binaries) hosting every local cluster as
 * a database cloned from a prepared template, plus the superuser connections used to manage them.
 */
package io.dsqlkit.local.internal.postgres;
