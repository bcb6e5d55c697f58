using System.Globalization;

namespace RunRate.Load;

/// <summary>The harness's settings, from its command line.</summary>
internal sealed record LoadOptions
{
    public const string Usage = "usage: bench/load --db STORE [--url http://127.0.0.1:PORT --token rr_…] [--seconds 60] [--clients 8] [--mix SUMMARY,CUSTOMERS,WRITES] [--amend-percent 50] [--runrate PATH/runrate.dll]";

    /// <summary>The store the server serves (a SQLite file or a PostgreSQL location): read before and after to verify.</summary>
    public required string Db { get; init; }

    /// <summary>A running server over <see cref="Db"/>; null: the harness starts <c>runrate serve --demo</c> on 127.0.0.1.</summary>
    public string? Url { get; init; }

    public string? Token { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public int Clients { get; init; } = 8;

    /// <summary>Percentages of overview reads, customer-list reads and line writes; they add up to 100.</summary>
    public (int Summary, int Customers, int Writes) Mix { get; init; } = (60, 20, 20);

    /// <summary>Of the writes, the share that amends a line this client wrote before (PUT) rather than creating one.</summary>
    public int AmendPercent { get; init; } = 50;

    public string Runrate { get; init; } = Path.Combine(AppContext.BaseDirectory, "runrate.dll");

    public static LoadOptions? Parse(IReadOnlyList<string> args, out string problem)
    {
        problem = "";
        string? db = null, url = null, token = null, runrate = null;
        var seconds = 60.0;
        var clients = 8;
        var amend = 50;
        (int, int, int) mix = (60, 20, 20);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"{name}: a value is required";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--db": db = value; break;
                case "--url": url = value.TrimEnd('/'); break;
                case "--token": token = value; break;
                case "--runrate": runrate = value; break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0: seconds = s; break;
                case "--clients" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 512: clients = c; break;
                case "--amend-percent" when int.TryParse(value, CultureInfo.InvariantCulture, out var a) && a is >= 0 and <= 100: amend = a; break;
                case "--mix" when ParseMix(value) is { } m: mix = m; break;
                default:
                    problem = $"{name}: unknown option or bad value '{value}'";
                    return null;
            }
        }

        if (db is null)
        {
            problem = "--db: required (the store to verify against)";
            return null;
        }

        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problem = $"--url: expected http://HOST:PORT, found '{url}'";
            return null;
        }

        return new LoadOptions
        {
            Db = db, Url = url, Token = token, Duration = TimeSpan.FromSeconds(seconds), Clients = clients, Mix = mix, AmendPercent = amend,
            Runrate = runrate ?? Path.Combine(AppContext.BaseDirectory, "runrate.dll"),
        };
    }

    private static (int, int, int)? ParseMix(string value)
    {
        var parts = value.Split(',');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n >= 0))
        {
            return null;
        }

        var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return n.Sum() == 100 ? (n[0], n[1], n[2]) : null;
    }
}
