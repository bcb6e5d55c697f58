using System.CommandLine;
using RunRate.Capture.Calendar;
using RunRate.Capture.Pipeline;
using RunRate.Cli.Common;

namespace RunRate.Cli.Capture;

/// <summary><c>runrate capture calendar PATH...</c>: .ics files (or folders of them).</summary>
internal sealed class CaptureCalendarCommand(CliContext context)
{
    private readonly CaptureOptionSet _options = new("FILES", "The .ics files or folders holding them");
    private readonly Option<DateOnly?> _from = CaptureOptionSet.Day("--from", "First day to expand recurring events on (default: 12 months ago)");
    private readonly Option<DateOnly?> _to = CaptureOptionSet.Day("--to", "Last day to expand recurring events on (default: 3 months ahead)");

    public Command Build()
    {
        var command = new Command("calendar", "Log meetings as activities on the accounts of their organizer and attendees (idempotent)") { _from, _to };
        _options.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var around = CalendarWindow.Around(context.Today);
        var window = new CalendarWindow(parse.GetValue(_from) ?? around.From, parse.GetValue(_to) ?? around.To);
        if (window.To < window.From)
        {
            throw new CliException($"--to {window.To:yyyy-MM-dd} is before --from {window.From:yyyy-MM-dd}", ExitCodes.Usage);
        }

        var files = _options.Files(parse, [".ics"]);
        var options = _options.CaptureOptions(parse, context);
        var result = _options.WithStore(context, parse, store => CaptureImport.Calendar(store, files, options, window));
        return CaptureOutput.Print(context, result, files.Count, _options.Json(parse), "event", CaptureReport.CalendarJson);
    }
}
