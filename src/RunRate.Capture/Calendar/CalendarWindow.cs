namespace RunRate.Capture.Calendar;

/// <summary>
/// The days inside which recurring events are expanded into meetings. A weekly meeting without an end
/// would otherwise log instances forever; one-off events are captured whatever their date.
/// </summary>
/// <param name="From">First day (inclusive, UTC).</param>
/// <param name="To">Last day (inclusive, UTC).</param>
public sealed record CalendarWindow(DateOnly From, DateOnly To)
{
    /// <summary>The default: the last 12 months to the next 3 months around <paramref name="today"/>.</summary>
    public static CalendarWindow Around(DateOnly today) => new(today.AddMonths(-12), today.AddMonths(3));

    /// <summary>The first instant inside the window.</summary>
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the window.</summary>
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
