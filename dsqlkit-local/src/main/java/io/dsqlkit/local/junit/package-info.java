/**
 * JUnit 5 support: {@link io.dsqlkit.local.junit.DsqlLocalTest} gives a test class a started DSQL
 * Local (one per JVM) and a fresh, empty cluster of its own.
 */
package io.dsqlkit.local.junit;
