package io.dsqlkit.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a DSQL cluster is configured: {@code dsqlkit.endpoint}, or a {@code jdbc:dsql:} datasource URL. */
class EndpointConfiguredCondition extends SpringBootCondition {
    static final String DSQL_URL_PREFIX = "jdbc:dsql:";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (endpointConfigured(environment)) {
            return ConditionOutcome.match("dsqlkit.endpoint is set");
        }
        if (dsqlUrlConfigured(environment)) {
            return ConditionOutcome.match("spring.datasource.url is a " + DSQL_URL_PREFIX + " URL");
        }
        return ConditionOutcome.noMatch("neither dsqlkit.endpoint nor a " + DSQL_URL_PREFIX + " spring.datasource.url");
    }

    static boolean endpointConfigured(Environment environment) {
        String endpoint = environment.getProperty("dsqlkit.endpoint");
        return endpoint != null && !endpoint.isBlank();
    }

    static boolean dsqlUrlConfigured(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && url.regionMatches(true, 0, DSQL_URL_PREFIX, 0, DSQL_URL_PREFIX.length());
    }
}
