package io.dsqlkit.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * DSQL Local dev services run when {@code dsqlkit.local.enabled=true}, or when it is unset and no
 * connection is configured ({@code dsqlkit.endpoint} empty or absent, no {@code spring.datasource.url}):
 * an application without a database configured gets an embedded one instead of a startup failure.
 */
class LocalDevServicesCondition extends SpringBootCondition {
    static final String ENABLED = "dsqlkit.local.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Boolean enabled = environment.getProperty(ENABLED, Boolean.class);
        if (enabled != null) {
            return new ConditionOutcome(enabled, ENABLED + "=" + enabled);
        }
        if (EndpointConfiguredCondition.endpointConfigured(environment)) {
            return ConditionOutcome.noMatch("dsqlkit.endpoint is set");
        }
        if (environment.containsProperty("spring.datasource.url")) {
            return ConditionOutcome.noMatch("spring.datasource.url is set");
        }
        return ConditionOutcome.match("no DSQL endpoint or datasource URL configured");
    }
}
