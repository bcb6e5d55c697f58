using System.Security.Cryptography;

namespace RunRate.Storage.Access;

/// <summary>
/// The password rules (at least <see cref="MinLength"/> characters, so a short guessable password cannot be set)
/// and the generator used when a password is not chosen by a person (the first admin, <c>runrate user add</c>).
/// </summary>
public static class Passwords
{
    /// <summary>The fewest characters a password may have (length matters more than character classes).</summary>
    public const int MinLength = 12;

    /// <summary>The most characters a password may have, so a huge body cannot make hashing expensive.</summary>
    public const int MaxLength = 1024;

    // No 0/O, 1/l/I: a generated password is often copied by hand.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The password, or an <see cref="ArgumentException"/> saying which rule it breaks.</summary>
    public static string Check(string? password)
    {
        if (password is null)
        {
            throw new ArgumentException("the password is missing", nameof(password));
        }

        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
        {
            throw new ArgumentException($"the password must have at least {MinLength} characters (it has {length})", nameof(password));
        }

        if (length > MaxLength)
        {
            throw new ArgumentException($"the password must have at most {MaxLength} characters (it has {length})", nameof(password));
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            throw new ArgumentException("the password cannot be only spaces", nameof(password));
        }

        return password;
    }

    /// <summary>A random password of 4 groups of 6 characters (about 120 bits), for example <c>k7fq2x-…</c>.</summary>
    public static string Generate()
    {
        var chars = new char[27];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 7 == 6 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
