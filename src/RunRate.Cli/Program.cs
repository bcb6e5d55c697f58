using System.Text;
using RunRate.Cli;
using RunRate.Cli.Common;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
if (Console.IsOutputRedirected && Environment.GetEnvironmentVariable("COLUMNS") is null)
{
    // Nothing wraps a file or a pipe: print tables at full width instead of Spectre's 80-column default.
    AnsiConsole.Console.Profile.Width = 220;
}

var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
errors.Profile.Width = 4096; // an error is one line per problem (file:line: column: message); the terminal wraps it if it must
var context = new CliContext(AnsiConsole.Console, Console.Out, TimeProvider.System, Environment.GetEnvironmentVariable, errors);
return CliApp.Run(context, args);
