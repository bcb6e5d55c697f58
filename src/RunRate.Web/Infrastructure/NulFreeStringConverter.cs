using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Reads JSON strings and refuses one holding a NUL character (<c>\u0000</c>): PostgreSQL cannot keep a NUL in text,
/// so such a value failed deep in the store (a 503 "store cannot be used" on PostgreSQL, stored as is on SQLite).
/// Refused here, it is a 400 naming the field on both engines, like every other bad value.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    private const string Message = "must not contain a NUL character (\\u0000)";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"The JSON value could not be converted to {typeof(string)}.");
        }

        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(string text) => text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Message) : text;
}
