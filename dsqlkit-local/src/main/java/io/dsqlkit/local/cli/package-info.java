/** The {@code bin/dsql-local} command line: run DSQL Local as a server, or print an auth token for it. */
package io.dsqlkit.local.cli;
