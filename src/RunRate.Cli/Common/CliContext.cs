using Spectre.Console;

namespace RunRate.Cli.Common;

/// <summary>
/// What every command needs from the outside world, injected so tests drive commands with a
/// recording console, a fixed clock and their own environment.
/// </summary>
/// <param name="Console">Human output: tables, charts, progress.</param>
/// <param name="Output">Machine output (JSON, CSV) written verbatim.</param>
/// <param name="Clock">Today, for default months.</param>
/// <param name="Environment">Environment variables (RUNRATE_DB).</param>
/// <param name="Errors">Where errors go (standard error), so they never mix with JSON or CSV output.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Output, TimeProvider Clock, Func<string, string?> Environment, IAnsiConsole Errors)
{
    /// <summary>Today's date on the clock (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Standard input (a password given with <c>--password-stdin</c>); tests put their own text here.</summary>
    public TextReader Input { get; init; } = System.Console.In;

    /// <summary>Writes an error in the product's red "error:" style.</summary>
    public void Error(string message) => Errors.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
