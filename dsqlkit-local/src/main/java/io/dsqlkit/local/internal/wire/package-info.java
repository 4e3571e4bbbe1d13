/**
 * PostgreSQL v3 wire protocol framing and messages: reading client frames with hard length caps,
 * decoding the startup-phase packets, and encoding the backend messages DSQL Local writes itself.
 * Nothing here does socket I/O beyond the streams it is handed, so every class is tested without sockets.
 */
package io.dsqlkit.local.internal.wire;
