using RunRate.Engine.Primitives;

namespace RunRate.Storage.Postgres;

/// <summary>
/// Conversions between engine values and PostgreSQL columns. timestamptz keeps microseconds; the rest of a .NET tick
/// (0..9 units of 100 ns) travels in a companion column so that instants round-trip exactly, as they do in SQLite.
/// </summary>
internal static class PgValues
{
    public static (DateTimeOffset Micros, short Remainder) Instant(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var rest = utc.Ticks % 10;
        return (new DateTimeOffset(utc.Ticks - rest, TimeSpan.Zero), (short)rest);
    }

    public static DateTimeOffset Instant(DateTime micros, short rest) =>
        new(DateTime.SpecifyKind(micros, DateTimeKind.Utc).AddTicks(rest), TimeSpan.Zero);

    public static DateOnly Month(YearMonth month) => month.FirstDay;

    public static YearMonth Month(DateOnly firstDay) => YearMonth.Of(firstDay);
}
