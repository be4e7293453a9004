-- Used by bench/run: after a wrk run, prints one line the script reads.
-- RESULT requests errors median_ms p95_ms p99_ms max_ms seconds bytes
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.2f %.2f %.2f %.2f %.2f %d\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.duration / 1e6, summary.bytes))
end
