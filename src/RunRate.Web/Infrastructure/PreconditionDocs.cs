using Microsoft.OpenApi;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Documents optimistic concurrency in the OpenAPI document: the <c>ETag</c> response header of a record's
/// responses, and the optional <c>If-Match</c> request header with its 412 of an amend.
/// </summary>
internal static class PreconditionDocs
{
    private const string ETagText = "The record's version (a strong entity tag of its stored content). Send it back in If-Match to amend only that version.";

    /// <summary>The responses of <paramref name="statuses"/> carry an <c>ETag</c> header.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var status in statuses)
            {
                if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    concrete.Headers["ETag"] = new OpenApiHeader { Description = ETagText, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>The operation takes an optional <c>If-Match</c> header and may answer 412 (with the current <c>ETag</c>).</summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem(StatusCodes.Status412PreconditionFailed).AnswersPreconditionFailed().AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Preconditions.IfMatchHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "The ETag of the last GET (or * for any stored version): the change is made only if the record is still that version, "
                    + "else 412 and nothing is written. A malformed value is a 400. Without it the last writer wins.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            if (operation.Responses?.TryGetValue("412", out var failed) == true && failed is OpenApiResponse concrete)
            {
                concrete.Description = "The record changed since it was read (If-Match no longer holds); nothing was written. The ETag header is the current version: reload and apply the change again.";
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                concrete.Headers["ETag"] = new OpenApiHeader { Description = ETagText, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
}
