using System.ComponentModel;
using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Validation;

namespace RunRate.Web.Lines;

/// <summary>A revenue line as the API accepts it: the columns of lines.csv, dates as <c>YYYY-MM-DD</c> strings.</summary>
internal sealed record LineBody(
    [property: Description("Required for POST; for PUT it comes from the path (a different id here is refused).")] string? LineId,
    string? CustomerId,
    [property: Description("subscription, addon or one_time.")] string? Kind,
    string? Product,
    [property: Description("YYYY-MM-DD: first day of service (one_time: the charge date).")] string? StartDate,
    [property: Description("YYYY-MM-DD: first day without service; null while ongoing; always null for one_time.")] string? EndDate,
    [property: Description("Net price of one unit for one interval, 0 or more (a JSON number).")] decimal? Amount,
    [property: Description("More than 0; default 1.")] decimal? Quantity,
    [property: Description("ISO 4217 code.")] string? Currency,
    [property: Description("1 to 120 for recurring lines; null for one_time.")] int? IntervalMonths)
{
    /// <summary>The fields as text, for the same rules as a lines.csv row.</summary>
    public LineFields Fields(string id) => new(
        id,
        CustomerId ?? "",
        Kind ?? "",
        Product ?? "",
        StartDate ?? "",
        EndDate ?? "",
        Amount?.ToString(CultureInfo.InvariantCulture) ?? "",
        Quantity?.ToString(CultureInfo.InvariantCulture) ?? "",
        Currency ?? "",
        IntervalMonths?.ToString(CultureInfo.InvariantCulture) ?? "");
}

/// <summary>The body of <c>POST /api/lines/{id}/end</c>.</summary>
internal sealed record EndLineBody([property: Description("YYYY-MM-DD: the first day without service.")] string? EndDate);

/// <summary>A stored revenue line.</summary>
internal sealed record LineDto(
    string LineId,
    string CustomerId,
    string Kind,
    string? Product,
    string StartDate,
    string? EndDate,
    decimal Amount,
    decimal Quantity,
    string Currency,
    int? IntervalMonths)
{
    public static LineDto From(RevenueLine line) => new(
        line.Id.Value,
        line.CustomerId.Value,
        line.Kind.ToLedgerText(),
        line.Product,
        Reporting.Common.ReportText.Date(line.Start),
        Reporting.Common.ReportText.Date(line.End),
        line.Amount,
        line.Quantity,
        line.Currency.Value,
        line.IntervalMonths);

    public static LineFields Fields(RevenueLine line, DateOnly? end) => new(
        line.Id.Value,
        line.CustomerId.Value,
        line.Kind.ToLedgerText(),
        line.Product ?? "",
        Reporting.Common.ReportText.Date(line.Start),
        Reporting.Common.ReportText.Date(end) ?? "",
        line.Amount.ToString(CultureInfo.InvariantCulture),
        line.Quantity.ToString(CultureInfo.InvariantCulture),
        line.Currency.Value,
        line.IntervalMonths?.ToString(CultureInfo.InvariantCulture) ?? "");
}
