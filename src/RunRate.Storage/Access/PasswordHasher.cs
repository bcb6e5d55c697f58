using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace RunRate.Storage.Access;

/// <summary>
/// Argon2id password hashes in the PHC string format (<c>$argon2id$v=19$m=12288,t=3,p=1$salt$hash</c>, base64
/// without padding). The parameters travel with each hash, so they can be raised later: old hashes still verify
/// and are rehashed with the current parameters at the next successful login.
/// </summary>
internal static class PasswordHasher
{
    /// <summary>
    /// Memory in KiB. OWASP lists equivalent Argon2id settings (19 MiB × 2 passes, 12 MiB × 3 passes, …); with the
    /// managed Konscious implementation 12 MiB × 3 was the faster of the two here (about 130 ms against 190 ms per
    /// login on the 2-core machine, see docs/security.md) and uses less memory per concurrent login.
    /// </summary>
    public const int MemoryKib = 12288;

    /// <summary>Passes over the memory.</summary>
    public const int Iterations = 3;

    /// <summary>Lanes (the machine has 2 cores shared by concurrent logins, so one lane per login).</summary>
    public const int Parallelism = 1;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash of an unknowable password, verified for unknown user names so a miss costs as long as a hit.</summary>
    private static readonly Lazy<string> Dummy = new(() => Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string password) => Hash(password, RandomNumberGenerator.GetBytes(SaltBytes), MemoryKib, Iterations, Parallelism);

    /// <summary>True when <paramref name="password"/> matches <paramref name="phc"/>; compared in constant time.</summary>
    public static bool Verify(string password, string phc)
    {
        if (!TryParse(phc, out var memory, out var iterations, out var lanes, out var salt, out var expected))
        {
            return false;
        }

        var actual = Compute(password, salt, memory, iterations, lanes, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification against a hash no password matches.</summary>
    public static void VerifyDummy(string password) => _ = Verify(password, Dummy.Value);

    /// <summary>True when <paramref name="phc"/> was made with weaker or other parameters than today's.</summary>
    public static bool NeedsRehash(string phc) =>
        !TryParse(phc, out var memory, out var iterations, out var lanes, out _, out var hash)
        || memory != MemoryKib || iterations != Iterations || lanes != Parallelism || hash.Length != HashBytes;

    internal static string Hash(string password, byte[] salt, int memory, int iterations, int lanes)
    {
        var hash = Compute(password, salt, memory, iterations, lanes, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$argon2id$v=19$m={memory},t={iterations},p={lanes}${B64(salt)}${B64(hash)}");
    }

    private static byte[] Compute(string password, byte[] salt, int memory, int iterations, int lanes, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            using var argon = new Argon2id(bytes) { Salt = salt, MemorySize = memory, Iterations = iterations, DegreeOfParallelism = lanes };
            return argon.GetBytes(length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool TryParse(string phc, out int memory, out int iterations, out int lanes, out byte[] salt, out byte[] hash)
    {
        memory = iterations = lanes = 0;
        salt = hash = [];
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": lanes = value; break;
                default: return false;
            }
        }

        salt = FromB64(parts[4]);
        hash = FromB64(parts[5]);
        return memory >= 8 * Math.Max(lanes, 1) && iterations > 0 && lanes > 0 && salt.Length >= 8 && hash.Length >= 16;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromB64(string text)
    {
        try
        {
            return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
