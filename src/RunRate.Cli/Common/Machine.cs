namespace RunRate.Cli.Common;

/// <summary>Machine output written verbatim, ending in one newline as every report does.</summary>
internal static class Machine
{
    public static void Write(CliContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Output.Write(text);
        if (!text.EndsWith('\n'))
        {
            context.Output.Write('\n');
        }

        context.Output.Flush();
    }
}
