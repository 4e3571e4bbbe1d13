/** DSQL's SQLSTATEs as Hibernate exceptions, and constraint names from DSQL's messages. */
package io.dsqlkit.hibernate.internal.exception;
