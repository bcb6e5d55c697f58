using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunRate.Reporting.Common;

/// <summary>Writes one JSON document to machine output.</summary>
public static class JsonOut
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
        output.Flush();
    }
}
