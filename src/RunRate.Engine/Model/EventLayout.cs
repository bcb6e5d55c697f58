namespace RunRate.Engine.Model;

/// <summary>
/// Lays the lines' start and end events out per customer in O(events): a counting sort by customer, a small
/// sort by day inside each customer's block, then same-day events merged into one entry.
/// </summary>
internal static class EventLayout
{
    public static EventColumns Build(int customers, int lines, int[] lineCustomer, int[] startDay, int[] endDay, byte[] shape, Int128[] numerator)
    {
        var start = new int[customers + 1];
        for (var i = 0; i < lines; i++)
        {
            start[lineCustomer[i] + 1] += endDay[i] == 0 ? 1 : 2;
        }

        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        var count = start[customers];
        var day = new int[count];
        var sub = new Int128[count];
        var addon = new Int128[count];
        var fill = start[..^1];
        for (var i = 0; i < lines; i++)
        {
            var at = fill[lineCustomer[i]]++;
            var isAddon = shape[i] >= 128;
            Place(at, startDay[i], numerator[i], isAddon, day, sub, addon);
            if (endDay[i] != 0)
            {
                at = fill[lineCustomer[i]]++;
                Place(at, endDay[i], -numerator[i], isAddon, day, sub, addon);
            }
        }

        // Sort each block by day and merge equal days, compacting everything towards the front: the block is
        // copied out in day order first, because the write position may lie inside the block itself.
        var write = 0;
        var keys = new long[64];
        var bufDay = new int[64];
        var bufSub = new Int128[64];
        var bufAddon = new Int128[64];
        for (var c = 0; c < customers; c++)
        {
            var from = start[c];
            var n = start[c + 1] - from;
            start[c] = write;
            if (n > keys.Length)
            {
                keys = new long[n * 2];
                bufDay = new int[n * 2];
                bufSub = new Int128[n * 2];
                bufAddon = new Int128[n * 2];
            }

            for (var k = 0; k < n; k++)
            {
                keys[k] = ((long)day[from + k] << 32) | (uint)k;
            }

            Array.Sort(keys, 0, n);
            for (var k = 0; k < n; k++)
            {
                var src = from + (int)(keys[k] & 0xFFFFFFFF);
                (bufDay[k], bufSub[k], bufAddon[k]) = (day[src], sub[src], addon[src]);
            }

            var blockStart = write;
            for (var k = 0; k < n; k++)
            {
                if (write > blockStart && day[write - 1] == bufDay[k])
                {
                    sub[write - 1] += bufSub[k];
                    addon[write - 1] += bufAddon[k];
                }
                else
                {
                    (day[write], sub[write], addon[write]) = (bufDay[k], bufSub[k], bufAddon[k]);
                    write++;
                }
            }
        }

        start[customers] = write;
        Array.Resize(ref day, write);
        Array.Resize(ref sub, write);
        Array.Resize(ref addon, write);
        return new EventColumns(start, day, Months(day), sub, addon);
    }

    /// <summary>The month of every day, through a lookup table over the ledger's span of days.</summary>
    private static int[] Months(int[] day)
    {
        var month = new int[day.Length];
        if (day.Length == 0)
        {
            return month;
        }

        var min = day.Min();
        var max = day.Max();
        if (max - min > 1_000_000)
        {
            for (var i = 0; i < day.Length; i++)
            {
                month[i] = LineValues.MonthOf(day[i]);
            }

            return month;
        }

        var table = new int[max - min + 1];
        for (var d = 0; d < table.Length; d++)
        {
            table[d] = LineValues.MonthOf(min + d);
        }

        for (var i = 0; i < day.Length; i++)
        {
            month[i] = table[day[i] - min];
        }

        return month;
    }

    private static void Place(int at, int day, Int128 delta, bool isAddon, int[] days, Int128[] sub, Int128[] addon)
    {
        days[at] = day;
        sub[at] = isAddon ? 0 : delta;
        addon[at] = isAddon ? delta : 0;
    }
}
