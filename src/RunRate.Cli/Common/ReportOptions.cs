using System.CommandLine;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Cli.Common;

/// <summary>How a report prints.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>
/// The options every report shares (store, currency, output format, filters) with the code that
/// reads them, so each command declares only what is its own.
/// </summary>
internal sealed class ReportOptions(bool withBreakdown)
{
    private readonly Option<CurrencyCode> _currency = Options.Currency();
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = Options.Csv();
    private readonly FilterOptions _filters = new(withBreakdown);

    public void AddTo(Command command)
    {
        command.Options.Add(_currency);
        command.Options.Add(_db);
        Options.AddFormats(command, _json, _csv);
        _filters.AddTo(command);
    }

    public CurrencyCode Currency(ParseResult parse) => parse.GetValue(_currency);

    public OutputFormat Format(ParseResult parse) =>
        parse.GetValue(_json) ? OutputFormat.Json : parse.GetValue(_csv) ? OutputFormat.Csv : OutputFormat.Table;

    public LedgerFilter Filter(ParseResult parse) => _filters.Build(parse);

    public string? Breakdown(ParseResult parse) => _filters.Breakdown(parse);

    public RevenueLedger Load(CliContext context, ParseResult parse) => LedgerAccess.Load(context, parse.GetValue(_db));

    /// <summary>The bridge of one request from the command's store (see <see cref="LedgerAccess.Bridge"/>).</summary>
    public RunRate.Engine.Metrics.BridgeReport Bridge(CliContext context, ParseResult parse, RunRate.Engine.Metrics.ReportRequest request) =>
        LedgerAccess.Bridge(context, parse.GetValue(_db), request);

    /// <summary>The store itself, for reports that read more than the ledger (the CRM, saved scenarios).</summary>
    public Storage.ILedgerStore Open(CliContext context, ParseResult parse) => LedgerAccess.Open(context, parse.GetValue(_db), create: false);
}

/// <summary><c>--from</c> and <c>--to</c> with a command-specific default for <c>--from</c>.</summary>
internal sealed class MonthRangeOptions(string fromDescription, Func<YearMonth, YearMonth> defaultFrom)
{
    private readonly Option<YearMonth?> _from = Options.Month("--from", fromDescription);
    private readonly Option<YearMonth?> _to = Options.Month("--to", "Last month (default: the current month)");

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
    }

    public (YearMonth From, YearMonth To) Resolve(ParseResult parse, CliContext context)
    {
        var to = parse.GetValue(_to) ?? YearMonth.Of(context.Today);
        var from = parse.GetValue(_from) ?? defaultFrom(to);
        return to < from ? throw new CliException($"--to {to} is before --from {from}", ExitCodes.Usage) : (from, to);
    }
}
