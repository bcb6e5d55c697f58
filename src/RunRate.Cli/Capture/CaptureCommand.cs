using System.CommandLine;
using RunRate.Cli.Common;

namespace RunRate.Cli.Capture;

/// <summary><c>runrate capture mail|calendar PATH...</c>: logs e-mail and meetings as CRM activities.</summary>
internal sealed class CaptureCommand(CliContext context)
{
    public Command Build()
    {
        var command = new Command("capture", "Log e-mails (.eml, mbox) and meetings (.ics) as activities on the accounts they concern");
        command.Subcommands.Add(new CaptureMailCommand(context).Build());
        command.Subcommands.Add(new CaptureCalendarCommand(context).Build());
        return command;
    }
}
