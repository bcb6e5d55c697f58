using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm.Signals;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Crm;
using Spectre.Console;

namespace RunRate.Cli.Sales;

/// <summary><c>runrate signals</c>: explainable churn-risk, upsell and cross-sell scores, each with its reasons.</summary>
internal sealed class SignalsCommand(CliContext context)
{
    private readonly Option<string?> _kind = new("--kind") { Description = "churn_risk, upsell or cross_sell (default: all)", HelpName = "KIND" };
    private readonly Option<DateOnly?> _asOf = Options.Day("--as-of", "Day to score on (default: today)");
    private readonly Option<int?> _minScore = new("--min-score") { Description = "Only scores of at least this (0-100)" };
    private readonly CrmReportOptions _report = new();

    public Command Build()
    {
        var command = new Command("signals", "Churn risk, upsell and cross-sell candidates with the reasons behind every score") { _kind, _asOf, _minScore };
        _report.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_kind) is { } kind && SignalKinds.Parse(kind) is null)
            {
                result.AddError($"--kind: expected churn_risk, upsell or cross_sell, found '{kind}'");
            }

            if (result.GetValue(_minScore) is < 0 or > 100)
            {
                result.AddError("--min-score: expected 0 to 100");
            }
        });
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var asOf = parse.GetValue(_asOf) ?? context.Today;
        var currency = _report.Currency(parse);
        var kind = SignalKinds.Parse(parse.GetValue(_kind));
        var minScore = parse.GetValue(_minScore) ?? 0;
        var (ledger, crm) = _report.Load(context, parse);
        var signals = LedgerAccess.Compute(() => SignalEngine.Compute(ledger, crm, new SignalOptions(currency, asOf)))
            .Where(s => (kind is null || s.Kind == kind) && s.Score >= minScore).ToList();
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                SignalsOutput.Json(context.Output, currency, asOf, signals);
                break;
            case OutputFormat.Csv:
                SignalsOutput.Csv(context.Output, signals);
                break;
            default:
                Render(signals, currency, asOf);
                break;
        }

        return ExitCodes.Success;
    }

    private void Render(IReadOnlyList<Signal> signals, CurrencyCode currency, DateOnly asOf)
    {
        if (signals.Count == 0)
        {
            context.Console.MarkupLine($"No signals on {Format.Date(asOf)}.");
            return;
        }

        var table = new Table().RoundedBorder().Title($"Signals on {Format.Date(asOf)} ({currency} ARR)").AddColumn("Account").AddColumn("Kind")
            .AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("ARR").RightAligned()).AddColumn("Why");
        foreach (var s in signals)
        {
            var colour = s.Level switch { "high" => "red", "medium" => "yellow", _ => "grey" };
            var why = string.Join("\n", s.Reasons.Select(r => $"+{r.Points} {Markup.Escape(r.Text)}"));
            table.AddRow(Markup.Escape(s.Account.Name ?? s.Account.Id.Value), s.Kind.ToText(), $"[{colour}]{s.Score} {s.Level}[/]", Format.Money(s.Arr), why);
        }

        context.Console.Write(table);
    }
}
