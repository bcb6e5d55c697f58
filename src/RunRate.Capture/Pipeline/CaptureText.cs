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

        var body = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
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

    /// <summary>One line of text (folded headers, summaries), or the fallback when blank.</summary>
    public static string Line(string? text, string fallback)
    {
        var line = string.Join(' ', (text ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        return line.Length == 0 ? fallback : line;
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A UTC instant as <c>20260105T093000Z</c>, the iCalendar form, for ids.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
