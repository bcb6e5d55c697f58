namespace RunRate.Fuzz;

/// <summary>
/// The fuzz targets by name. Each takes raw bytes and runs them through the product's own reading code; the
/// contract is that any input yields values or located errors, never an exception, so an exception escaping a
/// target is a finding (libFuzzer saves the input under fuzz/findings).
/// </summary>
public static class FuzzTargets
{
    /// <summary>The names run.sh and the replay test accept.</summary>
    public static IReadOnlyList<string> Names { get; } = ["csv", "email", "ics"];

    /// <summary>The target called <paramref name="name"/>, or null when there is none.</summary>
    public static Action<byte[]>? Find(string name) => name switch
    {
        "csv" => CsvTarget.Run,
        "email" => EmailTarget.Run,
        "ics" => CalendarTarget.Run,
        _ => null,
    };
}
