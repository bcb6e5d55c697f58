using Microsoft.Extensions.Logging;
using RunRate.Cli.Common;
using Spectre.Console;

namespace RunRate.Cli.Serve;

/// <summary>
/// What <c>runrate serve</c> tells its operator (serving, stopped, notes). As text by default; with
/// <c>--log-format json</c> as log entries of category <c>RunRate.Serve</c>, so standard output holds only JSON
/// lines. The first run's admin password is never a log entry: in JSON mode it goes to standard error, once.
/// </summary>
internal sealed partial class ServeAnnouncer(CliContext context, ILogger? json)
{
    public void Serving(string store, string address)
    {
        if (json is null)
        {
            context.Output.WriteLine($"RunRate is serving {store} at {address}  (API reference: {address}/api-docs)");
            context.Output.Flush();
            return;
        }

        LogServing(json, store, address);
    }

    public void AdminCreated(string name, string password, string address)
    {
        var line = $"Created the admin user: {name} / {password} — log in at {address}/login (shown once)";
        if (json is null)
        {
            context.Output.WriteLine(line);
            context.Output.Flush();
            return;
        }

        Console.Error.WriteLine(line);
        Console.Error.Flush();
        LogAdmin(json, name);
    }

    /// <summary>A note in Spectre markup; as a log entry its text without the markup.</summary>
    public void Note(string markup, bool warning = false)
    {
        if (json is null)
        {
            context.Console.MarkupLine(markup);
            return;
        }

        var text = Markup.Remove(markup);
        if (warning)
        {
            LogWarning(json, text);
        }
        else
        {
            LogNote(json, text);
        }
    }

    public void Stopped(string store)
    {
        if (json is null)
        {
            context.Output.WriteLine($"RunRate stopped: requests in progress finished, {store} closed.");
            context.Output.Flush();
            return;
        }

        LogStopped(json, store);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "RunRate is serving {Store} at {Address}  (API reference: {Address}/api-docs)")]
    private static partial void LogServing(ILogger logger, string store, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created the admin user {User}; its password is on standard error, shown once")]
    private static partial void LogAdmin(ILogger logger, string user);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Note}")]
    private static partial void LogNote(ILogger logger, string note);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Note}")]
    private static partial void LogWarning(ILogger logger, string note);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "RunRate stopped: requests in progress finished, {Store} closed")]
    private static partial void LogStopped(ILogger logger, string store);
}
