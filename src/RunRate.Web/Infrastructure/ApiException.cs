namespace RunRate.Web.Infrastructure;

/// <summary>
/// A request that cannot be served as asked: becomes a problem details response with
/// <see cref="Status"/> and <see cref="Errors"/> (field → messages). Thrown by parameter parsing and
/// handlers, turned into a response by <see cref="ApiExceptionHandler"/>.
/// </summary>
internal sealed class ApiException(int status, string title, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(title)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    /// <summary>Response headers the problem carries (such as the current <c>ETag</c> of a 412).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ApiException BadRequest(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request is malformed.", Single(field, message));

    public static ApiException NotFound(string field, string message) =>
        new(StatusCodes.Status404NotFound, "Not found.", Single(field, message));

    public static ApiException Conflict(string field, string message) =>
        new(StatusCodes.Status409Conflict, "The request conflicts with the stored ledger.", Single(field, message));

    public static ApiException Unprocessable(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, "The ledger's rules are not met; nothing was written.", errors);

    public static IReadOnlyDictionary<string, string[]> Single(string field, string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
}
