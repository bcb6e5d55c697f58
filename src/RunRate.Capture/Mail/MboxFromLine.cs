using System.Globalization;

namespace RunRate.Capture.Mail;

/// <summary>
/// Reads the date of an mbox "From " separator line (<c>From jane@acme.com Mon Jan  5 09:30:00 2026</c>,
/// Thunderbird's <c>From - Mon Jan 05 09:30:00 2026</c>, optionally with a numeric zone). It is the
/// delivery time the mail program recorded, used when a message has no usable Date header.
/// </summary>
internal static class MboxFromLine
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date on the line, or null when it has none. Without a zone the time is taken as UTC.</summary>
    public static DateTimeOffset? Date(string? line)
    {
        if (line is null || !line.StartsWith("From ", StringComparison.Ordinal))
        {
            return null;
        }

        var tokens = line[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Look for "Mon dd hh:mm:ss" anywhere after the sender, then a year (and maybe a zone) around it.
        for (var i = 1; i + 2 < tokens.Length; i++)
        {
            var month = Array.IndexOf(Months, tokens[i].ToLowerInvariant()) + 1;
            if (month == 0 || !int.TryParse(tokens[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || !TimeOnly.TryParseExact(tokens[i + 2], ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                continue;
            }

            var rest = tokens.Skip(i + 3).ToList();
            var year = rest.Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && t.Length == 4 ? y : 0).FirstOrDefault(y => y > 0);
            if (year == 0 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            var offset = rest.Select(Zone).FirstOrDefault(z => z is not null) ?? TimeSpan.Zero;
            var local = new DateOnly(year, month, day).ToDateTime(time);

            // A zone beyond ±14:00 or with 60+ minutes ("+9999"), or one that moves the time outside years 1-9999,
            // is no usable date: the message then needs its Date header, and without one it is reported, not thrown.
            if (offset.Duration() > MaxOffset || local.Ticks - offset.Ticks < DateTime.MinValue.Ticks || local.Ticks - offset.Ticks > DateTime.MaxValue.Ticks)
            {
                return null;
            }

            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return null;
    }

    private static TimeSpan? Zone(string token)
    {
        if (token.Length != 5 || token[0] is not ('+' or '-') || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
        {
            return null;
        }

        if (hhmm % 100 >= 60)
        {
            return TimeSpan.MaxValue; // shaped like a zone but not one; Date rejects it
        }

        var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
        return token[0] == '-' ? -span : span;
    }
}
