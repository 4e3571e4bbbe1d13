/**
 * The versioned catalogue of Aurora DSQL refusals (SQLSTATE, exact message, evidence), loaded from
 * a bundled text resource and validated at load, so every refusal DSQL Local sends is traceable to
 * a recorded or documented DSQL answer.
 */
package io.dsqlkit.local.internal.rules;
