using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RunRate.Cli.Common;
using RunRate.Testing;
using Spectre.Console;
using Spectre.Console.Testing;

namespace RunRate.Cli.Tests.Support;

/// <summary>The result of one in-process CLI run.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Console, string Errors)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}

/// <summary>
/// Runs the real command tree in-process with a recording console, a fixed clock (2026-01-15) and an
/// isolated working folder whose store is <c>runrate.db</c>.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-cli-");

    public string Folder => _folder.FullName;

    /// <summary>The store: <c>runrate.db</c> in the folder, or a fresh PostgreSQL database under <c>RUNRATE_TEST_STORE=postgres</c>.</summary>
    public string Db => _db ??= TestStores.NewLocation(Folder);

    private string? _db;

    public CliHarness(DateTimeOffset? now = null) => Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public FakeTimeProvider Clock { get; }

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Columns of the recording console (a wide terminal unless a test narrows it).</summary>
    public int Width { get; set; } = 220;

    public CliResult Run(params string[] args) => RunWithoutDb([.. args, .. NeedsDb(args) ? new[] { "--db", Db } : []]);

    /// <summary>Runs exactly the given arguments (the store then comes from RUNRATE_DB or ./runrate.db).</summary>
    public CliResult RunWithoutDb(params string[] args)
    {
        var console = new TestConsole().Width(Width);
        var errors = new TestConsole().Width(220);
        var output = new StringWriter();
        var context = new CliContext(console, output, Clock, name => Environment.GetValueOrDefault(name), errors);
        var parseErrors = new StringWriter();
        var exit = CliApp.Run(context, args, parseErrors);
        return new CliResult(exit, output.ToString(), console.Output, errors.Output + parseErrors);
    }

    /// <summary>Writes a ledger folder under the working folder and returns its path.</summary>
    public string Ledger(string name, string customers, string lines, string? fx = null)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "customers.csv"), customers);
        File.WriteAllText(Path.Combine(path, "lines.csv"), lines);
        if (fx is not null)
        {
            File.WriteAllText(Path.Combine(path, "fx.csv"), fx);
        }

        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_db is not null)
        {
            TestStores.Drop(_db);
        }

        _folder.Delete(recursive: true);
    }

    private static bool NeedsDb(string[] args) => args.Length > 0 && !args.Contains("--db") && args[0] is not ("demo" or "--help" or "-h");
}
