using Microsoft.Extensions.Logging.Console;

namespace RunRate.Web.Infrastructure.Logging;

/// <summary>The server's console log formats: <c>text</c> (the default) and <c>json</c> (one object per line).</summary>
internal static class LoggingSetup
{
    public const string Text = "text";
    public const string Json = "json";

    /// <summary>The setting that chooses the format when <see cref="WebOptions.LogFormat"/> is null: <c>RunRate:LogFormat</c>.</summary>
    public const string Setting = "RunRate:LogFormat";

    /// <summary>
    /// Text keeps the console quiet for a local server (warnings and failures; requests are not logged).
    /// JSON is for running as a service: the API's requests are logged (<see cref="RequestLog"/>) with the host's lifecycle.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, string? format)
    {
        if (!string.Equals(format, Json, StringComparison.OrdinalIgnoreCase))
        {
            logging.AddFilter(RequestLog.Category, LogLevel.Warning);
            return;
        }

        logging.ClearProviders();
        logging.AddConsole(console => console.FormatterName = JsonLineFormatter.Name);
        logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        logging.AddFilter(RequestLog.Category, LogLevel.Information);
    }
}
