using System.Security.Cryptography;
using System.Text;

namespace RunRate.Capture.Pipeline;

/// <summary>Text helpers shared by the readers: bodies of a bounded size and stable hashes.</summary>
internal static class CaptureText
{
    /// <summary>Bodies are cut here: an activity is a pointer to the conversation, not an archive of it.</summary>
    public const int MaxBody = 4000;

    /// <summary>The text with normalized line ends, trimmed, cut to <see cref="MaxBody"/> characters (ending in "…" when cut); null when blank.</summary>
    public static string? Body(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var body = WithoutControls(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), keepLayout: true).Trim();
        if (body.Length == 0)
        {
            return null;
        }

        if (body.Length <= MaxBody)
        {
            return body;
        }

        var cut = MaxBody - 1;
        if (char.IsHighSurrogate(body[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return body[..cut].TrimEnd() + "…";
    }

    /// <summary>One line of text (folded headers, summaries), or the fallback when blank; control characters count as spaces.</summary>
    public static string Line(string? text, string fallback)
    {
        var spaced = string.Create((text ?? "").Length, text ?? "", (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        var line = string.Join(' ', spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        return line.Length == 0 ? fallback : line;
    }

    /// <summary>
    /// The text without control characters (a line break and a tab kept when <paramref name="keepLayout"/>). Mail and
    /// calendars can carry any of them (a NUL in an encoded word, a stray escape); PostgreSQL cannot store a NUL in
    /// text and a terminal would act on the others, so neither what is stored nor an error message holds one.
    /// </summary>
    public static string WithoutControls(string text, bool keepLayout = false)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\x1f') && !text.AsSpan().ContainsAnyInRange('\x7f', '\x9f'))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || (keepLayout && c is '\n' or '\t'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A UTC instant as <c>20260105T093000Z</c>, the iCalendar form, for ids.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
