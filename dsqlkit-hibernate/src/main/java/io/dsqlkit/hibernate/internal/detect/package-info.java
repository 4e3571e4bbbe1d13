/** Recognising a DSQL connection (endpoint name, what the server says about itself). */
package io.dsqlkit.hibernate.internal.detect;
