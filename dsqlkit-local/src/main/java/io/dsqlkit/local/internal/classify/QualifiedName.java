package io.dsqlkit.local.internal.classify;

import java.util.List;
import java.util.Objects;

/**
 * A relation name as written: {@code schema} is null when unqualified. Parts are identifier values
 * (unquoted words folded to lower case, quoted identifiers verbatim).
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    /** The last part is the name and the one before it the schema; a leading catalog part is dropped. */
    static QualifiedName of(List<String> parts) {
        int n = parts.size();
        return new QualifiedName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
