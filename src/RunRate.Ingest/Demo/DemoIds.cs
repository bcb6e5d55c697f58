using System.Globalization;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Demo;

/// <summary>
/// Ids and seeds of a demo ledger. Ids are zero-padded to a width fixed by the options, so ordinal order
/// (the order the engine and storage use) is numeric order, and there is room for millions of customers.
/// </summary>
internal static class DemoIds
{
    /// <summary>Most lines one customer can get; bounds the width of line ids before any line exists.</summary>
    public const int MaxLinesPerCustomer = 60;

    /// <summary>Independent random streams per customer, so changing how lines are drawn never changes the customers.</summary>
    public const ulong CustomerStream = 1;

    /// <summary>The stream of a customer's revenue lines.</summary>
    public const ulong LineStream = 2;

    /// <summary>The stream of the exchange rates.</summary>
    public const ulong FxStream = 3;

    /// <summary>The stream of the CRM records derived from the ledger (contacts, deals, activities, targets).</summary>
    public const ulong CrmStream = 4;

    /// <summary>The stream of the monthly costs (costs.csv).</summary>
    public const ulong CostStream = 5;

    /// <summary>Digits of customer ids: at least 6 (<c>C000001</c>), more for a million customers or more.</summary>
    public static int CustomerWidth(int customers) => Math.Max(6, Digits(customers));

    /// <summary>Digits of line ids: at least 7 (<c>L0000001</c>), enough for the most lines the customers can have.</summary>
    public static int LineWidth(int customers) => Math.Max(7, Digits((long)customers * MaxLinesPerCustomer));

    /// <summary>The id of the customer at zero-based <paramref name="index"/>.</summary>
    public static CustomerId Customer(int index, int width) =>
        new("C" + (index + 1L).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));

    /// <summary>The id of the line with one-based <paramref name="number"/>.</summary>
    public static LineId Line(long number, int width) =>
        new("L" + number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));

    /// <summary>
    /// A seed for <see cref="Random"/> derived from the user's seed, an index and a stream (SplitMix64
    /// finaliser), so neighbouring customers get unrelated sequences and any customer's lines can be
    /// regenerated on their own.
    /// </summary>
    public static int Seed(int seed, long index, ulong stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xD1B54A32D192ED03UL) ^ (stream * 0x94D049BB133111EBUL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }

    private static int Digits(long value) => value.ToString(CultureInfo.InvariantCulture).Length;
}
