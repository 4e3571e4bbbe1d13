/**
 * Exception translation: DSQL conflicts ({@code 40001} with OC000/OC001) become
 * {@link io.dsqlkit.spring.DsqlConflictFailureException} wherever Spring translates (JDBC templates, JDBC and
 * JPA transaction managers at commit, {@code @Repository} proxies).
 */
package io.dsqlkit.spring.internal.translate;
