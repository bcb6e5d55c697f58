using RunRate.Capture.Pipeline;
using RunRate.Cli.Common;
using Spectre.Console;

namespace RunRate.Cli.Capture;

/// <summary>Prints a capture: the counts, the unmatched table and the files that could not be read.</summary>
internal static class CaptureOutput
{
    public static int Print(CliContext context, CaptureResult result, int files, bool json, string noun, Action<TextWriter, CaptureResult> writeJson)
    {
        if (json)
        {
            writeJson(context.Output, result);
        }
        else
        {
            var cancelled = result.Cancelled > 0 ? $", {Format.Count(result.Cancelled)} cancelled skipped" : "";
            context.Console.MarkupLine(
                $"Read {Format.Count(result.Read)} {noun}(s) from {Format.Count(files - result.Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count())} file(s): " +
                $"[green]{Format.Count(result.Logged)} logged[/], {Format.Count(result.AlreadyLogged)} already logged{cancelled}, {Format.Count(result.Unmatched.Count)} unmatched.");
            if (result.Unmatched.Count > 0)
            {
                var table = new Table().RoundedBorder().Title($"Unmatched: no contact or account domain among the participants ({Format.Count(result.Unmatched.Count)})");
                table.AddColumns("External id", "Date (UTC)", "Subject", "From", "To");
                foreach (var u in result.Unmatched)
                {
                    table.AddRow(
                        Markup.Escape(u.ExternalId),
                        CaptureReport.Timestamp(u.At),
                        Markup.Escape(u.Subject),
                        Markup.Escape(u.From ?? Format.None),
                        Markup.Escape(u.To.Count == 0 ? Format.None : string.Join(", ", u.To)));
                }

                context.Console.Write(table);
                context.Console.MarkupLine("[grey]Add the people as contacts (or their company's domain to the account) and capture again to log them.[/]");
            }
        }

        if (result.Errors.Count == 0)
        {
            return ExitCodes.Success;
        }

        foreach (var error in result.Errors)
        {
            context.Errors.WriteLine(error.ToString());
        }

        var broken = result.Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
        context.Error($"{Format.Count(broken)} file(s) could not be read; nothing of them was captured (the other files were).");
        return ExitCodes.InvalidData;
    }
}
