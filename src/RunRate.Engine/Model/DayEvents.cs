namespace RunRate.Engine.Model;

/// <summary>
/// One customer's MRR changes, one entry per day with a change (ascending): the day, its month, and the
/// change of subscription and add-on MRR in 1/D units. Lines starting and ending on the same day are
/// already netted, so an upgrade is one entry.
/// </summary>
internal readonly struct DayEvents(int[] days, int[] months, Int128[] subscription, Int128[] addon, int start, int count)
{
    public static DayEvents Empty { get; } = new([], [], [], [], 0, 0);

    public int Count => count;

    public ReadOnlySpan<int> Days => days.AsSpan(start, count);

    public ReadOnlySpan<int> Months => months.AsSpan(start, count);

    public ReadOnlySpan<Int128> Subscription => subscription.AsSpan(start, count);

    public ReadOnlySpan<Int128> Addon => addon.AsSpan(start, count);

    /// <summary>A copy with one line's effect added (sign +1) or removed (−1): its start adds the numerator, its end takes it away.</summary>
    public DayEvents With(LineEffect line, int sign)
    {
        var list = new List<(int Day, int Month, Int128 Sub, Int128 Addon)>(count + 2);
        for (var i = 0; i < count; i++)
        {
            list.Add((days[start + i], months[start + i], subscription[start + i], addon[start + i]));
        }

        Change(list, line.StartDay, line.StartMonth, sign * line.Numerator, line.IsAddon);
        if (line.EndDay is { } end)
        {
            Change(list, end, line.EndMonth, -sign * line.Numerator, line.IsAddon);
        }

        list.RemoveAll(e => e.Sub == 0 && e.Addon == 0);
        return new DayEvents(
            [.. list.Select(e => e.Day)],
            [.. list.Select(e => e.Month)],
            [.. list.Select(e => e.Sub)],
            [.. list.Select(e => e.Addon)],
            0,
            list.Count);
    }

    private static void Change(List<(int Day, int Month, Int128 Sub, Int128 Addon)> list, int day, int month, Int128 delta, bool isAddon)
    {
        var at = list.FindIndex(e => e.Day >= day);
        if (at < 0)
        {
            at = list.Count;
        }

        if (at == list.Count || list[at].Day != day)
        {
            list.Insert(at, (day, month, 0, 0));
        }

        var e = list[at];
        list[at] = isAddon ? e with { Addon = e.Addon + delta } : e with { Sub = e.Sub + delta };
    }
}

/// <summary>A recurring line as the model sees it: who, when, and its MRR numerator in 1/D units.</summary>
internal readonly record struct LineEffect(int StartDay, int StartMonth, int? EndDay, int EndMonth, Int128 Numerator, bool IsAddon);
