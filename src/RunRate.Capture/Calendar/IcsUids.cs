using RunRate.Capture.Pipeline;

namespace RunRate.Capture.Calendar;

/// <summary>
/// Gives every VEVENT a UID before parsing. Ical.Net invents a random UID for an event without one, which
/// would make each capture of the same file log the event again; a hash of the event's own lines
/// (without DTSTAMP, which changes on every export) is stable instead.
/// </summary>
internal static class IcsUids
{
    public static string Ensure(string text)
    {
        if (!text.Contains("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>(lines.Length + 4);
        var changed = false;
        List<string>? eventLines = null;
        var depth = 0; // components opened inside the current VEVENT (VALARM)
        var hasUid = false;
        foreach (var line in lines)
        {
            var folded = line.Length > 0 && line[0] is ' ' or '\t';
            if (eventLines is null)
            {
                if (!folded && line.Trim().Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    eventLines = [];
                    depth = 0;
                    hasUid = false;
                }
            }
            else if (!folded)
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase))
                {
                    depth++;
                }
                else if (trimmed.StartsWith("END:", StringComparison.OrdinalIgnoreCase))
                {
                    if (depth == 0)
                    {
                        if (!hasUid)
                        {
                            var identity = string.Join('\n', eventLines.Where(l => !l.StartsWith("DTSTAMP", StringComparison.OrdinalIgnoreCase)));
                            output.Add("UID:sha256-" + CaptureText.Sha256(identity));
                            changed = true;
                        }

                        eventLines = null;
                    }
                    else
                    {
                        depth--;
                    }
                }
                else if (depth == 0 && (trimmed.StartsWith("UID:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("UID;", StringComparison.OrdinalIgnoreCase)))
                {
                    hasUid = true;
                }

                eventLines?.Add(trimmed);
            }

            output.Add(line);
        }

        return changed ? string.Join("\r\n", output) : text;
    }
}
