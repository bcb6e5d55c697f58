using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RunRate.Capture.Billing;

/// <summary>What checking a <c>Stripe-Signature</c> header found.</summary>
public enum SignatureStatus
{
    /// <summary>One <c>v1</c> signature matches the body signed with the secret, and the timestamp is recent.</summary>
    Valid,

    /// <summary>No header, or an empty one.</summary>
    Missing,

    /// <summary>The header lacks a numeric <c>t=</c> or a 64-hex-digit <c>v1=</c>.</summary>
    Malformed,

    /// <summary>No <c>v1</c> signature matches: another secret, or a body changed on the way.</summary>
    Mismatch,

    /// <summary>The signature matches but its timestamp is more than the tolerance away from now (a replay).</summary>
    Stale,
}

/// <summary>The outcome of <see cref="StripeSignature.Verify"/> and a sentence saying why, for the 400 answer.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Detail">A human explanation (empty when valid).</param>
public sealed record SignatureCheck(SignatureStatus Status, string Detail)
{
    /// <summary>True when the request may be processed.</summary>
    public bool IsValid => Status == SignatureStatus.Valid;
}

/// <summary>
/// Stripe's webhook signature scheme: the header <c>t=TIMESTAMP,v1=HEX[,v1=HEX…]</c> carries an
/// HMAC-SHA256, keyed with the endpoint's signing secret (<c>whsec_…</c>, used as-is), over
/// <c>TIMESTAMP + "." + the raw body bytes</c>. Several <c>v1</c> values appear while a secret is
/// being rolled, so any one matching is enough. The timestamp is part of the signed text, so
/// refusing old ones (more than <see cref="ToleranceSeconds"/> from now, either way) stops an
/// attacker from replaying a captured request later.
/// </summary>
public static class StripeSignature
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "Stripe-Signature";

    /// <summary>How far a timestamp may be from the clock, in seconds (Stripe's libraries use 300 too).</summary>
    public const int ToleranceSeconds = 300;

    private const int SignatureBytes = 32;

    /// <summary>
    /// Checks <paramref name="header"/> against <paramref name="body"/> (the bytes exactly as received:
    /// re-serialised JSON would not match) and <paramref name="clock"/>. The signature is compared in
    /// constant time, and checked before the timestamp so that "stale" is only ever said of an
    /// authentic request.
    /// </summary>
    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(header))
        {
            return new(SignatureStatus.Missing, $"the {HeaderName} header is missing; Stripe signs every delivery with it");
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && value.Length == SignatureBytes * 2 && TryHex(value, out var bytes))
            {
                signatures.Add(bytes);
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return new(SignatureStatus.Malformed, $"the {HeaderName} header must hold t=<unix seconds> and at least one v1=<64 hex digits>");
        }

        var expected = Compute(secret, timestamp.Value, body);
        var matched = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, so the time taken does not tell which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(signature, expected);
        }

        if (!matched)
        {
            return new(SignatureStatus.Mismatch, "no v1 signature matches the body signed with the configured secret (another endpoint's secret, or a body changed in transit)");
        }

        var age = clock.GetUtcNow().ToUnixTimeSeconds() - timestamp.Value;
        if (Math.Abs(age) > ToleranceSeconds)
        {
            return new(SignatureStatus.Stale, $"the signature's timestamp is {Math.Abs(age)} s {(age > 0 ? "old" : "in the future")}; at most {ToleranceSeconds} s either way is accepted");
        }

        return new(SignatureStatus.Valid, "");
    }

    /// <summary>
    /// The header Stripe would send for <paramref name="body"/> at <paramref name="timestamp"/>: for
    /// tests and for sending hand-made events to a local server.
    /// </summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(Compute(secret, timestamp, body))}");

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length / 2];
        return Convert.FromHexString(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length;
    }
}
