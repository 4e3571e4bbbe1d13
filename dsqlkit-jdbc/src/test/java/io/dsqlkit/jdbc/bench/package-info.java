/** Benchmark programs (run with exec:java; see docs/benchmarks.md); they assert nothing about timings. */
package io.dsqlkit.jdbc.bench;
