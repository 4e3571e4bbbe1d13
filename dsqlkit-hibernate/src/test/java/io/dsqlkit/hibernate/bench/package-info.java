/** Measurement programs (run with exec:java; results in docs/benchmarks.md). */
package io.dsqlkit.hibernate.bench;
