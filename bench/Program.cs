using Kepegawaian.Bench;

// Benchmarks of the ETL against DuckDB's own read_csv baseline; see bench/README.md.
return await BenchCli.RunAsync(args);
