using System.Globalization;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>
/// The knobs of the crash suites, from the environment so a longer run (docs/reliability.md#crash-consistency) or a failing seed can
/// be replayed without editing code: <c>RUNRATE_CRASH_SEED</c> (default: a new seed per run, always printed),
/// <c>RUNRATE_CRASH_KILLS</c> (SIGKILLs per import scenario, default 4), <c>RUNRATE_CRASH_CUSTOMERS</c> (size of the
/// imported demo ledger, default 8,000 customers, about 25,000 lines) and <c>RUNRATE_CRASH_ROUNDS</c> (server kills
/// in the API test, default 3).
/// </summary>
internal static class CrashSettings
{
    public static int Seed { get; } = Number("RUNRATE_CRASH_SEED", Environment.TickCount & 0x7fffffff);

    public static int Kills { get; } = Number("RUNRATE_CRASH_KILLS", 4);

    public static int Customers { get; } = Number("RUNRATE_CRASH_CUSTOMERS", 8_000);

    public static int Rounds { get; } = Number("RUNRATE_CRASH_ROUNDS", 3);

    /// <summary>How to run this again with the same random choices.</summary>
    public static string Replay => string.Create(CultureInfo.InvariantCulture, $"RUNRATE_CRASH_SEED={Seed} RUNRATE_CRASH_KILLS={Kills} RUNRATE_CRASH_CUSTOMERS={Customers} RUNRATE_CRASH_ROUNDS={Rounds}");

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
