using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;

namespace RunRate.Engine.Tests.Crm;

/// <summary>Small hand-written CRM snapshots for the analytics tests.</summary>
internal sealed class CrmBuilder
{
    private readonly List<Deal> _deals = [];
    private readonly List<Activity> _activities = [];
    private readonly List<SalesTarget> _targets = [];
    private readonly List<Payment> _payments = [];

    /// <summary>A deal whose history is given as "stage@yyyy-MM-dd" steps; the first step is its creation, the last its stage.</summary>
    public CrmBuilder Deal(string id, string account, DealKind kind, decimal arr, string currency, string? owner, string? channel, params string[] steps)
    {
        var history = steps.Select(s => s.Split('@')).Select(p => new StageChange(p[0], T.Day(p[1]))).ToImmutableArray();
        _deals.Add(new Deal(new DealId(id), new CustomerId(account), id, history[^1].Stage, arr, CurrencyCode.Parse(currency), kind, history[^1].On, owner, channel, history[^1].Stage == "lost" ? "price" : null, history[0].On, history));
        return this;
    }

    public CrmBuilder Activity(string account, string at)
    {
        _activities.Add(new Activity(new ActivityId("a" + _activities.Count), ActivityKind.Call, DateTimeOffset.Parse(at + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "call", null, new CustomerId(account), null, null, "manual", null));
        return this;
    }

    public CrmBuilder Target(string owner, string start, int months, decimal arr)
    {
        _targets.Add(new SalesTarget(owner, YearMonth.Parse(start), months, arr, CurrencyCode.Parse("USD")));
        return this;
    }

    public CrmBuilder Payment(string account, string on, bool succeeded, string reference)
    {
        _payments.Add(new Payment(new CustomerId(account), T.Day(on), succeeded, null, reference));
        return this;
    }

    public CrmData Build() => CrmData.Empty with { Deals = [.. _deals], Activities = [.. _activities], Targets = [.. _targets], Payments = [.. _payments] };
}
