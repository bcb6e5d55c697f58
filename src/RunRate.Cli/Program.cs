using System.Text;
using RunRate.Cli;
using RunRate.Cli.Common;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
var context = new CliContext(AnsiConsole.Console, Console.Out, TimeProvider.System, Environment.GetEnvironmentVariable, errors);
return CliApp.Run(context, args);
