/** Bootstrap checks of the mapping against what DSQL can store, with entity, field and fix in each error. */
package io.dsqlkit.hibernate.internal.mapping;
