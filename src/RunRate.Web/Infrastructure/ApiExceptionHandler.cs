using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using RunRate.Engine.Movements;
using RunRate.Reporting.Common;
using RunRate.Storage;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// The one place where failures become responses: bad input of any kind (malformed JSON, wrong
/// types, oversized bodies, broken rules) is a 4xx problem details naming the field, never a 500.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors, extensions) = Classify(exception);
        if (status >= 500)
        {
            log.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var details = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    public static (int Status, string Title, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, object?>? Extensions) Classify(Exception exception) => exception switch
    {
        ApiException api => (api.Status, api.Title, api.Errors, api.Extensions),
        BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode), BodyErrors(bad), null),
        JsonException json => (StatusCodes.Status400BadRequest, Title(400), JsonErrors(json), null),
        ReportInputException input => (StatusCodes.Status400BadRequest, Title(400), ApiException.Single(input.Field.Length == 0 ? "query" : input.Field, input.Message), null),
        LedgerConversionException conversion => (StatusCodes.Status422UnprocessableEntity, "The ledger cannot be reported in this currency: exchange rates are missing.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["currency"] = [.. conversion.Problems] }, null),
        StoreException store => (StatusCodes.Status503ServiceUnavailable, "The ledger store cannot be used right now.", ApiException.Single("store", store.Message), null),
        _ => (StatusCodes.Status500InternalServerError, "An unexpected failure; this is a bug, please report it.", new Dictionary<string, string[]>(), null),
    };

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body has an unsupported content type.",
        _ => "The request is malformed.",
    };

    private static IReadOnlyDictionary<string, string[]> BodyErrors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return JsonErrors(json);
        }

        return ApiException.Single("body", bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => bad.Message,
            StatusCodes.Status415UnsupportedMediaType => "expected a JSON body (Content-Type: application/json)",
            _ => bad.Message,
        });
    }

    /// <summary>Names the JSON property at fault (<c>$.amount</c> → <c>amount</c>); <c>body</c> when the document itself is broken.</summary>
    private static IReadOnlyDictionary<string, string[]> JsonErrors(JsonException json)
    {
        var path = json.Path;
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            message = "is not a field of this request; see /api-docs for the fields";
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            message = field == "body" ? "expected a JSON object" : "has the wrong JSON type or format (text fields are strings, amount and quantity numbers, interval_months a whole number)";
        }

        return ApiException.Single(field, message);
    }
}
