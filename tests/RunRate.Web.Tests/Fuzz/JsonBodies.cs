using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunRate.Web.Tests.Fuzz;

/// <summary>
/// Request bodies for fuzzing, built from the OpenAPI schema of each operation: a plausible body (every property
/// with a value of its type), then the same body broken one way at a time, plus random JSON. Random choices come
/// from a seeded <see cref="Random"/>, so a failure names its seed and case and replays exactly.
/// </summary>
internal static class JsonBodies
{
    /// <summary>A value for <paramref name="schema"/>: every property of an object, one item of an array.</summary>
    public static JsonNode? Sample(JsonElement schema, JsonElement components, int depth = 0)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return depth > 6 ? null : Sample(components.GetProperty("schemas").GetProperty(name), components, depth + 1);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
            {
                return options.EnumerateArray().Select(o => Sample(o, components, depth + 1)).FirstOrDefault(n => n is not null);
            }
        }

        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString()) : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" => Object(schema, components, depth),
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, components, depth + 1)) : new JsonArray(),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(12.5m),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create(format switch { "date" => "2025-01-01", "date-time" => "2025-01-01T00:00:00Z", _ => "x1" }),
        };
    }

    private static JsonObject Object(JsonElement schema, JsonElement components, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Sample(property.Value, components, depth + 1);
            }
        }

        return result;
    }

    /// <summary>Broken values put in place of one property.</summary>
    public static readonly JsonNode?[] WrongValues =
    [
        null, JsonValue.Create("not a number or date"), JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue),
        JsonValue.Create(decimal.MaxValue), JsonValue.Create(1.5e300), JsonValue.Create(true), new JsonArray(1, 2), new JsonObject { ["a"] = 1 },
        JsonValue.Create(""), JsonValue.Create("   "), JsonValue.Create("a\u0000b"), JsonValue.Create(new string('x', 100_000)),
        JsonValue.Create("2025-02-30"), JsonValue.Create("9999-12-31"), JsonValue.Create("0001-01-01"), JsonValue.Create("\u202Eevil\u001b[2J"),
    ];

    /// <summary>Whole bodies that are not the object an endpoint wants, as raw bytes.</summary>
    public static IEnumerable<(string Name, byte[] Body)> WholeBodies(string sample)
    {
        yield return ("empty", []);
        yield return ("null", "null"u8.ToArray());
        yield return ("array", "[]"u8.ToArray());
        yield return ("string", "\"x\""u8.ToArray());
        yield return ("huge number", "1e999999"u8.ToArray());
        yield return ("truncated", Encoding.UTF8.GetBytes(sample[..(sample.Length / 2)]));
        yield return ("trailing garbage", Encoding.UTF8.GetBytes(sample + "}}"));
        yield return ("deep arrays", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("deep objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("invalid UTF-8 in a string", [.. "{\"id\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        yield return ("UTF-16", Encoding.Unicode.GetBytes(sample));
        yield return ("BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sample)]);
        yield return ("duplicate keys", Encoding.UTF8.GetBytes("{\"id\":\"a\",\"id\":\"b\"," + sample.TrimStart('{')));
        yield return ("comments", Encoding.UTF8.GetBytes("/* c */" + sample));
    }

    /// <summary>A random JSON value of bounded depth.</summary>
    public static JsonNode? Random(Random random, int depth = 0)
    {
        switch (random.Next(depth > 2 ? 6 : 8))
        {
            case 0: return null;
            case 1: return JsonValue.Create(random.Next(2) == 0);
            case 2: return JsonValue.Create((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 40)));
            case 3: return JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue));
            case 4: return JsonValue.Create(RandomString(random));
            case 5: return JsonValue.Create(new[] { "2025-01-01", "USD", "subscription", "C1", "L1", "2025-13-01", "" }[random.Next(7)]);
            case 6:
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(Random(random, depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(5); i > 0; i--)
                {
                    obj[RandomString(random)] = Random(random, depth + 1);
                }

                return obj;
        }
    }

    private static string RandomString(Random random)
    {
        var chars = new char[random.Next(12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : "abcXYZ019_-. "[random.Next(13)];
        }

        return new string(chars).Replace('\uD800', 'a');
    }
}
