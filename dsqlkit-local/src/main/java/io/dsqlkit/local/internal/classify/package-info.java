/**
 * Statement classification for DSQL Local: from one statement's lexer tokens, what kind of
 * statement it is and whether Aurora DSQL refuses it, with the rule (SQLSTATE and exact message)
 * from the bundled {@link io.dsqlkit.local.internal.rules.RuleBook}. Accepted statements carry the
 * facts the proxy needs to finish DSQL's behaviour: async index and validation rewrites, dropped
 * tables, the single locked table of {@code FOR UPDATE}, ALTER TABLE column changes. No regular
 * expressions and no catalog access; a statement this package cannot follow goes to PostgreSQL.
 */
package io.dsqlkit.local.internal.classify;
