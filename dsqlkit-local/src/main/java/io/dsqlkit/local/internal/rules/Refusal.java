package io.dsqlkit.local.internal.rules;

import java.util.Objects;

/** A statement refused as DSQL refuses it: the rule that applies and its filled-in message. */
public record Refusal(Rule rule, String message) {

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public String sqlState() {
        return rule.sqlState();
    }

    public String ruleId() {
        return rule.id();
    }

    @Override
    public String toString() {
        return sqlState() + " " + message;
    }
}
