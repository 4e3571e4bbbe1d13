package io.dsqlkit.local.junit;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Starts one DSQL Local per JVM (kept in the root store, so every test class shares it and it stops
 * when the test run ends) and makes one fresh cluster per test class (dropped after the class).
 *
 * <p>The shared server trusts a key pair made for this JVM, so token signatures are verified just
 * as they would be with {@code --iam-key}, and {@link DsqlCluster#token(String)} signs with it.
 */
public final class DsqlLocalExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DsqlLocalExtension.class);
    /** Access key id of the key pair the shared server trusts. */
    public static final String TEST_ACCESS_KEY_ID = "AKIADSQLLOCALJUNIT01";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DsqlLocal.class || type == DsqlCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DsqlLocal.class) {
            return sharedServer(context);
        }
        ExtensionContext classContext = classContext(context);
        DsqlLocal server = sharedServer(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(DsqlCluster.class, k -> server.newCluster(), DsqlCluster.class);
    }

    /** The DSQL Local shared by every test class in this JVM. */
    public static DsqlLocal sharedServer(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DsqlLocal.class, k -> startShared(), DsqlLocal.class);
    }

    private static DsqlLocal startShared() {
        byte[] secret = new byte[30];
        new SecureRandom().nextBytes(secret);
        return DsqlLocal.builder()
                .trustedKey(TEST_ACCESS_KEY_ID, HexFormat.of().formatHex(secret))
                .start();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        if (current.getTestClass().isEmpty()) {
            throw new ParameterResolutionException("a DsqlCluster can only be injected into a test class");
        }
        return current;
    }
}
