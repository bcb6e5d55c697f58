using System.ComponentModel;
using System.Globalization;
using RunRate.Ingest.Crm;

namespace RunRate.Web.Crm;

/// <summary>A target as <c>PUT /api/targets</c> accepts it (owner and period identify it).</summary>
internal sealed record TargetBody(
    string? Owner,
    [property: Description("A month YYYY-MM or a quarter YYYY-Qn.")] string? Period,
    [property: Description("ARR to win in the period, 0 or more.")] decimal? Arr,
    string? Currency)
{
    public TargetFields Fields() => new(Owner, Period, Arr?.ToString(CultureInfo.InvariantCulture), Currency);
}

/// <summary>A stored target.</summary>
internal sealed record TargetDto(string Owner, string Period, decimal Arr, string Currency);

/// <summary><c>GET /api/targets</c>.</summary>
internal sealed record TargetsResponse(IReadOnlyList<TargetDto> Targets);
