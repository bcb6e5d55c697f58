using System.CommandLine;
using RunRate.Capture.Pipeline;
using RunRate.Cli.Common;

namespace RunRate.Cli.Capture;

/// <summary><c>runrate capture mail PATH...</c>: .eml files and mbox archives (or folders of them).</summary>
internal sealed class CaptureMailCommand(CliContext context)
{
    private readonly CaptureOptionSet _options = new("FILES", "The .eml files, mbox archives or folders holding them");

    public Command Build()
    {
        var command = new Command("mail", "Log e-mails as activities: each message on the accounts of its From/To/Cc addresses (idempotent)");
        _options.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var files = _options.Files(parse, [".eml", ".mbox"]);
        var options = _options.CaptureOptions(parse, context);
        var result = _options.WithStore(context, parse, store => CaptureImport.Mail(store, files, options));
        return CaptureOutput.Print(context, result, files.Count, _options.Json(parse), "message", CaptureReport.MailJson);
    }
}
