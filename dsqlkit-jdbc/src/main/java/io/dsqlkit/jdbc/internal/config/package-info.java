/**
 * Connection configuration: endpoint and region resolution, {@code jdbc:dsql://} URL parsing,
 * the immutable settings a DataSource or the driver connects with, and the pgjdbc properties they
 * translate to.
 */
package io.dsqlkit.jdbc.internal.config;
