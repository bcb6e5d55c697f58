using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Web.Forecast;

namespace RunRate.Cli.Forecast;

/// <summary>
/// <c>runrate forecast</c>: MRR and ARR month by month in three layers (contracted, trend, pipeline) with a
/// band, contracted ARR, the rates behind the trend and the backtest; saved scenarios alone or side by side.
/// </summary>
internal sealed class ForecastCommand(CliContext context)
{
    private readonly Option<string?> _months = new("--months") { Description = "Months to forecast after --as-of, 1 to 36 (default 12)", HelpName = "N" };
    private readonly Option<string?> _window = new("--window") { Description = "Trailing months the trend rates come from, 1 to 24 (default 6)", HelpName = "N" };
    private readonly Option<YearMonth?> _asOf = Options.Month("--as-of", "Last actual month; the forecast starts the month after (default: the current month)");
    private readonly Option<string?> _by = new("--by") { Description = "Customer attribute whose values get their own trend rates (default segment)", HelpName = "ATTR" };
    private readonly Option<string[]> _scenario = new("--scenario")
    {
        Description = "A saved scenario (repeatable: several are shown side by side after the base; 'base' is the forecast without one)",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _noBacktest = new("--no-backtest") { Description = "Skip replaying the method from 3, 6 and 12 months back" };
    private readonly ReportOptions _report = new(withBreakdown: false);

    public Command Build()
    {
        var command = new Command("forecast", "Forecast MRR and ARR: contracted, trend and pipeline layers with a low/high band, CARR, the trend's rates and a backtest (MAPE per horizon)")
        {
            _months, _window, _asOf, _by, _scenario, _noBacktest,
        };
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var months = CliInputs.Option(() => ForecastInputs.Months(parse.GetValue(_months)));
        var window = CliInputs.Option(() => ForecastInputs.Window(parse.GetValue(_window)));
        var asOf = parse.GetValue(_asOf) ?? YearMonth.Of(context.Today);
        var currency = _report.Currency(parse);
        var filter = _report.Filter(parse);
        using var store = _report.Open(context, parse);
        var ledger = store.Load();
        var crm = store.Crm.Load();
        var by = CliInputs.Option(() => ForecastInputs.SegmentBy(ledger, parse.GetValue(_by)));
        var runs = CliInputs.Option(() => ForecastInputs.Scenarios(
            parse.GetValue(_scenario) ?? [],
            store.Scenarios.Find,
            name => new CliException($"--scenario: no saved scenario named '{name}' (runrate scenario list shows them)", ExitCodes.NotFound)));
        var request = new ForecastRequest(currency, asOf, months, window, filter, by, Backtest: !parse.GetValue(_noBacktest));
        var reports = LedgerAccess.Compute(() => ForecastReports.Compute(ledger, crm, request, runs));
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                ForecastReports.Json(context.Output, reports);
                break;
            case OutputFormat.Csv:
                ForecastReports.Csv(context.Output, reports);
                break;
            default:
                if (reports.Count == 1)
                {
                    ForecastRender.Report(context.Console, reports[0].Name, reports[0].Report);
                }
                else
                {
                    ForecastRender.Compare(context.Console, reports);
                }

                break;
        }

        return ExitCodes.Success;
    }
}
