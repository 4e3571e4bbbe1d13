/** This package lexes and splits SQL text by PostgreSQL 16's lexical rules so that DSQL Local can classify statements without regular expressions. */
package io.dsqlkit.local.internal.sql;
