/**
 * Spring Boot auto-configuration: the DSQL DataSource, DSQL Local dev services, exception
 * translation, OCC retry and transaction guards, all configured through {@link
 * io.dsqlkit.spring.autoconfigure.DsqlkitProperties} ({@code dsqlkit.*}).
 */
package io.dsqlkit.spring.autoconfigure;
