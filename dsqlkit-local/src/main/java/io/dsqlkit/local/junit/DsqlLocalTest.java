package io.dsqlkit.local.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against DSQL Local: parameters of type {@link io.dsqlkit.local.DsqlLocal} and
 * {@link io.dsqlkit.local.DsqlCluster} (in constructors, lifecycle and test methods) are injected.
 *
 * <pre>{@code
 * @DsqlLocalTest
 * class OrderRepositoryIT {
 *     @Test
 *     void saves(DsqlCluster cluster) throws SQLException {
 *         try (Connection c = cluster.connect()) { ... }
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DsqlLocalExtension.class)
public @interface DsqlLocalTest {
}
