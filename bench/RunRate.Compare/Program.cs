// bench/compare: the engine's monthly bridge against the same contract in SQL on DuckDB, same process,
// same demo ledger, checked equal figure by figure. See docs/performance.md ("Engine vs DuckDB").
return RunRate.Compare.Cli.CompareCommand.Run(args, Console.Out, Console.Error);
