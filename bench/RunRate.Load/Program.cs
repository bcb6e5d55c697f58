using RunRate.Load;

// bench/load: a fixed-time mixed load on `runrate serve`, then a check that the store holds exactly the acknowledged writes.
// Exit 0: no error and everything verified; 1: an error or a mismatch; 2: bad arguments.
var options = LoadOptions.Parse(args, out var problem);
if (options is null)
{
    await Console.Error.WriteLineAsync($"bench/load: {problem}");
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

return await LoadHarness.RunAsync(options, Console.Out);
