using RunRate.Storage;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Optimistic concurrency over HTTP (RFC 9110): a single record's responses carry its <see cref="RowVersion"/> as a
/// strong <c>ETag</c>, and an amend (PUT, end, DELETE) may send it back in <c>If-Match</c>. The store compares it with
/// the stored row inside its write transaction, so two clients that read the same version cannot both write: the
/// second gets 412 and reloads. Without <c>If-Match</c> the last writer wins, as before.
/// </summary>
internal static class Preconditions
{
    public const string IfMatchHeader = "If-Match";

    /// <summary>The request's <c>If-Match</c>: null when absent, else what the store must find; a malformed header is a 400.</summary>
    public static ExpectedVersion? IfMatch(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        var text = string.Join(',', values.ToArray());
        return Parse(text, out var error) ?? throw ApiException.BadRequest(IfMatchHeader, error!);
    }

    /// <summary>
    /// Parses <c>"*"</c> or a comma-separated list of entity tags (<c>"abc"</c>, <c>W/"abc"</c>). A weak tag never
    /// matches (If-Match compares strongly), so it is kept in a form no version can equal.
    /// </summary>
    internal static ExpectedVersion? Parse(string text, out string? error)
    {
        error = null;
        if (text.Trim() == "*")
        {
            return ExpectedVersion.Any;
        }

        var tags = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == ','))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var weak = string.CompareOrdinal(text, i, "W/", 0, 2) == 0;
            var start = weak ? i + 2 : i;
            var close = start < text.Length && text[start] == '"' ? text.IndexOf('"', start + 1) : -1;
            if (close < 0)
            {
                error = text.Contains('*', StringComparison.Ordinal)
                    ? $"expected \"*\" alone or a list of quoted entity tags such as \"0f3a…\" (the ETag of the last GET), found '{text}'"
                    : $"expected a quoted entity tag such as \"0f3a…\" (the ETag of the last GET) or *, found '{text}'";
                return null;
            }

            var opaque = text[(start + 1)..close];
            if (opaque.Any(c => c < 0x21 || c == 0x7f))
            {
                error = $"an entity tag may not contain spaces or control characters, found '{text}'";
                return null;
            }

            tags.Add(weak ? "W/" + opaque : opaque);
            i = close + 1;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (i < text.Length && text[i] != ',')
            {
                error = $"entity tags must be separated by commas, found '{text}'";
                return null;
            }
        }

        if (tags.Count == 0)
        {
            error = "is empty; send the ETag of the last GET (quoted) or *";
            return null;
        }

        return ExpectedVersion.OneOf(tags);
    }

    /// <summary>
    /// Writes a 412 <see cref="ApiException"/> of the endpoint as problem details itself, with its headers: the exception
    /// handler middleware strips <c>ETag</c> from the responses it writes, and a 412 must carry the current one.
    /// </summary>
    public static RouteHandlerBuilder AnswersPreconditionFailed(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ApiException failed) when (failed.Status == StatusCodes.Status412PreconditionFailed)
            {
                foreach (var (name, value) in failed.Headers ?? new Dictionary<string, string>())
                {
                    context.HttpContext.Response.Headers[name] = value;
                }

                var details = new HttpValidationProblemDetails(failed.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
                {
                    Status = failed.Status,
                    Title = failed.Title,
                };
                foreach (var (key, value) in failed.Extensions ?? new Dictionary<string, object?>())
                {
                    details.Extensions[key] = value;
                }

                return TypedResults.Problem(details);
            }
        });

    /// <summary>The strong entity tag of a version.</summary>
    public static string Tag(string version) => "\"" + version + "\"";

    /// <summary>Sets the response's <c>ETag</c> to <paramref name="version"/>.</summary>
    public static void SetETag(HttpContext context, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = Tag(version);
    }

    /// <summary>
    /// The 412 of a write whose <c>If-Match</c> no longer holds: names the header, says to reload, and carries the
    /// current version (header and body) when the record still exists.
    /// </summary>
    public static ApiException Failed(string what, string reload, string? current)
    {
        var now = current is null ? "" : $" (its ETag is now {Tag(current)})";
        var message = $"the {what} changed since you read it{now}; nothing was written: reload it (GET {reload}) and apply your change again";
        return new ApiException(
            StatusCodes.Status412PreconditionFailed,
            "The record changed meanwhile; nothing was written.",
            ApiException.Single(IfMatchHeader, message),
            current is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal) { ["current_etag"] = Tag(current) })
        {
            Headers = current is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["ETag"] = Tag(current) },
        };
    }
}
