/**
 * DSQL's rules per session: classifies each statement, consults the transaction state machine and
 * the rule book, and tells the relay what to forward (the statement, a raise of DSQL's refusal, a
 * rewrite such as an async index job) and how to present the answer.
 */
package io.dsqlkit.local.internal.session;
