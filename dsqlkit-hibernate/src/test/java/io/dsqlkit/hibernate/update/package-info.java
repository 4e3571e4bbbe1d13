/** Two releases of an application's model, for schema update tests. */
package io.dsqlkit.hibernate.update;
