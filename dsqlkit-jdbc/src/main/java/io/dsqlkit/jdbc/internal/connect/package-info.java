/** Opening physical connections (one token each) and the unpooled DataSource. */
package io.dsqlkit.jdbc.internal.connect;
