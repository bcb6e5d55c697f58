namespace RunRate.Cli.Common;

/// <summary>A failure with a message for the user and the exit code that classifies it.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
