namespace RunRate.Cli.Common;

/// <summary>Runs a command body and maps failures to messages and stable exit codes.</summary>
internal static class Run
{
    public static int Safely(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException ex)
        {
            context.Error(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error($"unexpected failure ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.Internal;
        }
    }
}
