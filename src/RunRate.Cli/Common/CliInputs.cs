using RunRate.Reporting.Common;

namespace RunRate.Cli.Common;

/// <summary>Parameters parsed by the rules the API shares (<c>RunRate.Web</c>), their failures reported under the CLI's option names.</summary>
internal static class CliInputs
{
    /// <summary>Runs <paramref name="parse"/>; a <see cref="ReportInputException"/> on <c>as_of</c> becomes a usage error on <c>--as-of</c>.</summary>
    public static T Option<T>(Func<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (ReportInputException ex)
        {
            throw new CliException($"--{ex.Field.Replace('_', '-')}: {ex.Message}", ExitCodes.Usage);
        }
    }
}
