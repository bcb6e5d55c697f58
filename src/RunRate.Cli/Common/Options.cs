using System.CommandLine;
using System.CommandLine.Parsing;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;
using RunRate.Reporting.Filters;

namespace RunRate.Cli.Common;

/// <summary>Option factories shared by commands, so every report spells and validates them the same way.</summary>
internal static class Options
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "Ledger store: a SQLite file (default ./runrate.db, or $RUNRATE_DB)",
        HelpName = "PATH",
    };

    public static Option<YearMonth?> Month(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM",
        Required = required,
        CustomParser = ParseMonth,
    };

    /// <summary>A calendar day option, strict <c>YYYY-MM-DD</c>, with an error naming the option.</summary>
    public static Option<DateOnly?> Day(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name}: expected a date YYYY-MM-DD, found '{text}'");
            return null;
        },
    };

    public static Option<CurrencyCode> Currency() => new("--currency")
    {
        Description = "Reporting currency (ISO 4217); lines in other currencies convert with fx.csv",
        HelpName = "CCC",
        DefaultValueFactory = _ => CurrencyCode.Usd,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (CurrencyCode.TryParse(text, out var code))
            {
                return code;
            }

            result.AddError($"--currency: expected a three-letter ISO 4217 code such as USD, found '{text}'");
            return default;
        },
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for machines instead of tables" };

    public static Option<bool> Csv() => new("--csv") { Description = "Print CSV for spreadsheets instead of tables" };

    /// <summary>Adds <c>--json</c> and <c>--csv</c> to a command and refuses both at once.</summary>
    public static void AddFormats(Command command, Option<bool> json, Option<bool> csv)
    {
        command.Options.Add(json);
        command.Options.Add(csv);
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                result.AddError("--json and --csv cannot be combined; choose one output format");
            }
        });
    }

    private static YearMonth? ParseMonth(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (YearMonth.TryParse(text, out var month))
        {
            return month;
        }

        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "month"}: expected a month YYYY-MM, found '{text}'");
        return null;
    }
}

/// <summary>
/// The filter options every report accepts: customer attributes (standard and custom) and products,
/// each repeatable (values of one option are alternatives), plus <c>--by</c> for breakdowns.
/// </summary>
internal sealed class FilterOptions
{
    private readonly Dictionary<string, Option<string[]>> _byName = [];

    public FilterOptions(bool withBreakdown)
    {
        foreach (var name in ReportFilters.Standard)
        {
            _byName[name] = new Option<string[]>("--" + name)
            {
                Description = name == "product" ? "Only lines of this product (repeatable)" : $"Only customers with this {name} (repeatable)",
                HelpName = name.ToUpperInvariant(),
                Arity = ArgumentArity.OneOrMore,
            };
        }

        Attribute = new Option<string[]>("--attr")
        {
            Description = "Only customers whose custom attribute has this value (repeatable)",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.OneOrMore,
        };
        if (withBreakdown)
        {
            By = new Option<string?>("--by")
            {
                Description = "Break the report down by segment, channel, country, owner, product or a custom attribute",
                HelpName = "FIELD",
            };
        }
    }

    public Option<string[]> Attribute { get; }

    public Option<string?>? By { get; }

    public void AddTo(Command command)
    {
        foreach (var option in _byName.Values)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Attribute);
        if (By is not null)
        {
            command.Options.Add(By);
        }
    }

    public LedgerFilter Build(ParseResult parse)
    {
        try
        {
            return ReportFilters.Build(_byName.Select(o => (o.Key, (IReadOnlyList<string>?)parse.GetValue(o.Value))), parse.GetValue(Attribute));
        }
        catch (ReportInputException ex)
        {
            throw new CliException($"--{ex.Field}: {ex.Message}", ExitCodes.Usage);
        }
    }

    public string? Breakdown(ParseResult parse) => By is null ? null : parse.GetValue(By)?.Trim();
}
