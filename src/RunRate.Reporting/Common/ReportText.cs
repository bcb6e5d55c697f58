using System.Globalization;

namespace RunRate.Reporting.Common;

/// <summary>How machine-readable reports spell values that are not figures.</summary>
public static class ReportText
{
    /// <summary>A calendar date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A calendar date as <c>yyyy-MM-dd</c>, or null.</summary>
    public static string? Date(DateOnly? value) => value is { } date ? Date(date) : null;
}
