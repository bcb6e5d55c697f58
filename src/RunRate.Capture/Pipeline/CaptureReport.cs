using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunRate.Capture.Pipeline;

/// <summary>
/// The JSON of a capture, written once here so <c>runrate capture … --json</c> and <c>POST /api/capture/…</c>
/// answer identically: <c>{"messages"|"events","logged","already_logged","cancelled"?,"unmatched":[…],"errors":[…]}</c>.
/// </summary>
public static class CaptureReport
{
    /// <summary>Writes the mail capture's JSON.</summary>
    public static void MailJson(TextWriter output, CaptureResult result) => Json(output, result, "messages", withCancelled: false);

    /// <summary>Writes the calendar capture's JSON (with the cancelled count).</summary>
    public static void CalendarJson(TextWriter output, CaptureResult result) => Json(output, result, "events", withCancelled: true);

    /// <summary>An instant as the API writes timestamps: <c>2026-05-04T09:30:00Z</c>.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Json(TextWriter output, CaptureResult result, string readName, bool withCancelled)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber(readName, result.Read);
            w.WriteNumber("logged", result.Logged);
            w.WriteNumber("already_logged", result.AlreadyLogged);
            if (withCancelled)
            {
                w.WriteNumber("cancelled", result.Cancelled);
            }

            w.WriteStartArray("unmatched");
            foreach (var u in result.Unmatched)
            {
                w.WriteStartObject();
                w.WriteString("external_id", u.ExternalId);
                w.WriteString("at", Timestamp(u.At));
                w.WriteString("subject", u.Subject);
                w.WriteString("from", u.From);
                w.WriteStartArray("to");
                foreach (var to in u.To)
                {
                    w.WriteStringValue(to);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var e in result.Errors)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteString("location", e.Location);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
        output.Flush();
    }
}
