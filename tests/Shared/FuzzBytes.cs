using FsCheck;
using FsCheck.Fluent;

namespace RunRate.Testing;

/// <summary>
/// Byte-level mutations of valid files, as FsCheck generators so a failure prints a replayable seed and shrinks to
/// fewer, smaller mutations. The tokens are the ones a CSV reader and a UTF-8 decoder have to decide about.
/// </summary>
internal static class FuzzBytes
{
    private static readonly byte[][] Tokens =
    [
        [(byte)','], [(byte)'"'], [(byte)'\r'], [(byte)'\n'], [(byte)'\r', (byte)'\n'], [0], [0xFF], [0xC3], [0xE9],
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [(byte)'"', (byte)'"'], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
        "\"a,\"\"b\"\"\r\nc\""u8.ToArray(), " "u8.ToArray(), "-"u8.ToArray(), "9999999999999999999999999999999"u8.ToArray(),
    ];

    /// <summary>One mutation: what to do, where (taken modulo the length) and with what.</summary>
    internal readonly record struct Mutation(int Kind, int Position, int Value);

    public static readonly Gen<Mutation> OneMutation =
        from kind in Gen.Choose(0, 5)
        from position in Gen.Choose(0, int.MaxValue - 1)
        from value in Gen.Choose(0, 255)
        select new Mutation(kind, position, value);

    public static Gen<Mutation[]> Mutations(int max) => Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(OneMutation, n));

    /// <summary>Any bytes at all, short or a few kilobytes, often with CSV punctuation and UTF-8 lead bytes.</summary>
    public static readonly Gen<byte[]> Random =
        Gen.Frequency(
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
            (1, Gen.ArrayOf(Gen.Elements("a", "1", ",", "\"", "\r", "\n", "\0", "é", "\uFEFF", "2024-01-01", "USD", " ", "\u00FF").Select(s => s))
                .Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)))));

    public static byte[] Apply(byte[] original, IEnumerable<Mutation> mutations)
    {
        var bytes = new List<byte>(original);
        foreach (var m in mutations)
        {
            var at = bytes.Count == 0 ? 0 : m.Position % (bytes.Count + 1);
            switch (m.Kind)
            {
                case 0 when bytes.Count > 0: // replace a byte
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)m.Value;
                    break;
                case 1: // insert a token
                    bytes.InsertRange(at, Tokens[m.Value % Tokens.Length]);
                    break;
                case 2 when bytes.Count > 0: // delete a short range
                    var from = Math.Min(at, bytes.Count - 1);
                    bytes.RemoveRange(from, Math.Min(1 + (m.Value % 8), bytes.Count - from));
                    break;
                case 3: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4 when bytes.Count > 0: // duplicate a range (a repeated row or half a row)
                    var start = Math.Min(at, bytes.Count - 1);
                    bytes.InsertRange(start, bytes.GetRange(start, Math.Min(1 + m.Value, bytes.Count - start)));
                    break;
                default: // insert a random byte
                    bytes.Insert(at, (byte)m.Value);
                    break;
            }
        }

        return [.. bytes];
    }
}
