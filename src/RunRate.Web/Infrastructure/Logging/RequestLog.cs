using System.Diagnostics;

namespace RunRate.Web.Infrastructure.Logging;

/// <summary>
/// One log entry per API request (category <c>RunRate.Web.Requests</c>, information): method, path, status,
/// duration in milliseconds and the W3C trace id (from an incoming <c>traceparent</c>, else a new one). Only the
/// path is logged: never the query string, headers, cookies or bodies, where tokens, passwords and ledger data travel.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "RunRate.Web.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information) || !Logged(context.Request.Path))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var trace = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            Handled(logger, context.Request.Method, context.Request.Path.Value ?? "", status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), trace);
        }
    }

    private static bool Logged(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/health", StringComparison.Ordinal);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {DurationMs} ms (trace {TraceId})")]
    private static partial void Handled(ILogger logger, string method, string path, int status, double durationMs, string traceId);
}
