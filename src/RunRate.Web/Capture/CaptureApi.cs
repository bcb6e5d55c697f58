using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Capture.Calendar;
using RunRate.Capture.Matching;
using RunRate.Capture.Pipeline;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Capture;

/// <summary>
/// <c>POST /api/capture/mail</c> and <c>/api/capture/calendar</c>: uploaded .eml/mbox and .ics files logged
/// as activities through <see cref="CaptureImport"/>, exactly like <c>runrate capture</c>, except that a
/// file with an error stores nothing at all (422), as every failed API call changes nothing.
/// </summary>
internal static class CaptureApi
{
    private const string IgnoreDescription = "Own e-mail domains to ignore (repeatable), added to the RunRate:Capture:OwnDomains setting.";

    public static RouteGroupBuilder MapCapture(this RouteGroupBuilder api)
    {
        var capture = api.MapGroup("/capture").WithTags("Capture");
        capture.MapPost("/mail", Mail)
            .WithName("CaptureMail")
            .WithSummary("Log e-mails (.eml files, mbox archives) as activities")
            .WithDescription("multipart/form-data with one or more .eml or mbox files (an mbox is recognised by its leading \"From \" line). Each message is logged on the accounts its From/To/Cc addresses belong to (contact e-mail first, then account domains and their subdomains); re-sending the same files logs nothing new. 200 with the JSON of `runrate capture mail --json`, or 422 naming every unreadable file and message, with nothing stored.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<CaptureMailResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        capture.MapPost("/calendar", Calendar)
            .WithName("CaptureCalendar")
            .WithSummary("Log meetings (.ics calendars) as activities")
            .WithDescription("multipart/form-data with one or more .ics files. Each event is logged on the accounts of its organizer and attendees; recurring events are expanded between `from` and `to` (default: 12 months ago to 3 months ahead); cancelled events are skipped and counted. 200 with the JSON of `runrate capture calendar --json`, or 422 naming every unreadable file and event, with nothing stored.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<CaptureCalendarResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<ContentHttpResult> Mail(
        HttpRequest request,
        [FromQuery(Name = "ignore_domain"), Description(IgnoreDescription)] string[]? ignoreDomain,
        LedgerStores stores,
        IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var options = Options(configuration, ignoreDomain);
        var files = await Files(request, "one or more .eml files or mbox archives", cancellationToken);
        using var store = stores.Open();
        return Answer(CaptureImport.Mail(store, files, options), CaptureReport.MailJson);
    }

    private static async Task<ContentHttpResult> Calendar(
        HttpRequest request,
        [Description("First day to expand recurring events on, YYYY-MM-DD (default: 12 months ago).")] string? from,
        [Description("Last day to expand recurring events on, YYYY-MM-DD (default: 3 months ahead).")] string? to,
        [FromQuery(Name = "ignore_domain"), Description(IgnoreDescription)] string[]? ignoreDomain,
        LedgerStores stores,
        IConfiguration configuration,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var around = CalendarWindow.Around(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var window = new CalendarWindow(Day("from", from) ?? around.From, Day("to", to) ?? around.To);
        if (window.To < window.From)
        {
            throw ApiException.BadRequest("to", $"{window.To:yyyy-MM-dd} is before from {window.From:yyyy-MM-dd}");
        }

        var options = Options(configuration, ignoreDomain);
        var files = await Files(request, "one or more .ics files", cancellationToken);
        using var store = stores.Open();
        return Answer(CaptureImport.Calendar(store, files, options, window), CaptureReport.CalendarJson);
    }

    private static ContentHttpResult Answer(CaptureResult result, Action<TextWriter, CaptureResult> json)
    {
        if (result.Errors.Count > 0)
        {
            var files = result.Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
            throw new ApiException(
                StatusCodes.Status422UnprocessableEntity,
                $"{files} file(s) cannot be read; nothing was captured.",
                result.Errors
                    .GroupBy(e => e.Location.Length > 0 ? $"{e.File}: {e.Location}" : e.File, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                new Dictionary<string, object?> { ["capture_errors"] = result.Errors.Select(e => new CaptureErrorDto(e.File, e.Location, e.Message)).ToList() });
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        json(text, result);
        return TypedResults.Text(text.ToString(), "application/json", Encoding.UTF8);
    }

    /// <summary>The own domains of the server's setting (a list, or one comma-separated value) and of the query.</summary>
    private static CaptureOptions Options(IConfiguration configuration, string[]? query)
    {
        var section = configuration.GetSection(OwnDomains.Setting);
        var (configured, badSetting) = OwnDomains.Parse([section.Value, .. section.GetChildren().Select(c => c.Value)]);
        if (badSetting.Count > 0)
        {
            throw new ApiException(
                StatusCodes.Status503ServiceUnavailable,
                "The server's capture settings are invalid.",
                ApiException.Single(OwnDomains.Setting, $"'{badSetting[0]}' is not a domain such as example.com"));
        }

        var (asked, badQuery) = OwnDomains.Parse(query ?? []);
        return badQuery.Count > 0
            ? throw ApiException.BadRequest("ignore_domain", $"expected a domain such as example.com, found '{badQuery[0]}'")
            : new CaptureOptions { OwnDomains = [.. configured, .. asked], StoreCleanFilesDespiteErrors = false };
    }

    private static DateOnly? Day(string field, string? text) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw ApiException.BadRequest(field, $"expected a date YYYY-MM-DD, found '{text}'");

    private static async Task<IReadOnlyList<CaptureFile>> Files(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        var usage = $"expected {expected} as files of a multipart/form-data upload";
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "The request body has an unsupported content type.", ApiException.Single("body", usage));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            throw ApiException.BadRequest("body", $"the multipart body cannot be read: {ex.Message}");
        }

        if (form.Files.Count == 0)
        {
            throw ApiException.BadRequest("files", usage);
        }

        return [.. form.Files.Select(f => new CaptureFile(string.IsNullOrEmpty(f.FileName) ? f.Name : Path.GetFileName(f.FileName), f.OpenReadStream))];
    }
}
