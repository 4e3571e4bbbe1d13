/** Mappings DSQL cannot store, each booted alone to check its bootstrap error. */
package io.dsqlkit.hibernate.unsupported;
