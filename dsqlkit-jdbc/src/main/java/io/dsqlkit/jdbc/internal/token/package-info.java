/** Default token signing with the AWS SDK ({@code DsqlUtilities}) and credential resolution. */
package io.dsqlkit.jdbc.internal.token;
