using System.Security.Cryptography;
using System.Text;

namespace RunRate.Storage.Access;

/// <summary>
/// Token secrets (<c>rr_</c> + 32 random bytes in base64url: 256 bits, so a fast hash is enough) and their
/// SHA-256, the only form stored; token ids are short random base32 strings, safe to show and log.
/// </summary>
internal static class TokenSecrets
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The length of a secret: the prefix and 43 base64url characters.</summary>
    public static readonly int SecretLength = AccessPolicy.TokenPrefix.Length + 43;

    public static string NewSecret() => AccessPolicy.TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewId()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        }

        return new string(chars);
    }

    /// <summary>True when <paramref name="secret"/> has a secret's shape (checked before any lookup).</summary>
    public static bool LooksLikeSecret(string? secret) =>
        secret is not null && secret.Length == SecretLength && secret.StartsWith(AccessPolicy.TokenPrefix, StringComparison.Ordinal);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
