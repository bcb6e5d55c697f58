using System.Security.Cryptography;

namespace RunRate.Ingest.Crm;

/// <summary>
/// Ids for CRM records created without one: a short prefix saying what the record is, then ten random
/// characters (about 50 bits) from an alphabet without look-alikes, safe in URLs and file names.
/// Random rather than sequential so that two processes writing the same store never pick the same id.
/// </summary>
public static class NewIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new contact id, <c>ct_…</c>.</summary>
    public static string Contact() => Next("ct_");

    /// <summary>A new deal id, <c>dl_…</c>.</summary>
    public static string Deal() => Next("dl_");

    /// <summary>A new activity id, <c>ac_…</c>.</summary>
    public static string Activity() => Next("ac_");

    private static string Next(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 10);
}
