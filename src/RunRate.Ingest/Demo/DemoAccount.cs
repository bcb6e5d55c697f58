using RunRate.Engine.Ledger;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>
/// Simulates one customer's life month by month, from sign-up (or a free plan) to today: seat changes,
/// upgrades and downgrades, add-ons, renewals, cancellations and win-backs. Every change is recorded
/// the way the contract expects it: the old line ends and the new one starts the same day.
/// </summary>
internal sealed partial class DemoAccount
{
    private const double WinBackRate = 0.25;
    private const int MaxWinBacks = 2;

    /// <summary>Lines one month of simulation can add at most (a win-back: plan, add-ons and fees).</summary>
    private const int MaxLinesPerStep = 8;

    private readonly DemoProfile _profile;
    private readonly DemoCalendar _calendar;
    private readonly Random _rng;
    private readonly List<DraftLine> _lines = [];
    private readonly List<DraftLine> _openAddons = [];
    private DraftLine? _subscription;
    private DemoPlan _plan;
    private int _seats;
    private int _interval;
    private decimal _discount;
    private decimal _flatMonthly;

    private DemoAccount(DemoProfile profile, DemoCalendar calendar, Random rng)
    {
        _profile = profile;
        _calendar = calendar;
        _rng = rng;
    }

    private DemoSegment Segment => _profile.Segment;

    /// <summary>The customer's lines in the order they were created (a line's start never precedes an earlier line's).</summary>
    public static List<DraftLine> Simulate(DemoProfile profile, DemoCalendar calendar, Random rng)
    {
        var account = new DemoAccount(profile, calendar, rng);
        account.Run();
        return account._lines;
    }

    private void Run()
    {
        var start = _profile.Signup;
        if (Segment == DemoSegment.Smb && _rng.NextDouble() < 0.3)
        {
            if (FreePlan(start) is not { } converted)
            {
                return;
            }

            start = converted;
        }

        Acquire(start, firstTime: true);
        Live(start);
    }

    /// <summary>A free plan (amount 0, so not yet a customer in the metrics); returns the day it converts to a paid plan, if ever.</summary>
    private DateOnly? FreePlan(DateOnly start)
    {
        var free = Open(LineKind.Subscription, Product(DemoPlan.Free), start, 0m, _rng.Next(1, 4), 1);
        var decided = start.AddMonths(_rng.Next(1, 10)).AddDays(_rng.Next(0, 20));
        if (decided > _calendar.AsOf)
        {
            return null; // still on the free plan today
        }

        var roll = _rng.NextDouble();
        if (roll < 0.8)
        {
            free.End = decided; // converts, or abandons the product
        }

        return roll < 0.55 ? decided : null;
    }

    private void Live(DateOnly start)
    {
        var anchor = start;
        var months = 0;
        var winBacks = 0;
        while (_lines.Count <= DemoIds.MaxLinesPerCustomer - MaxLinesPerStep)
        {
            months++;
            var day = anchor.AddMonths(months);
            if (day > _calendar.ContractHorizon)
            {
                return;
            }

            var termEnd = months % _interval == 0;
            if (day > _calendar.AsOf)
            {
                // Past today only contracts already signed take effect: renewals and notices at the end of a long term.
                if (termEnd && _interval >= 12)
                {
                    if (_rng.NextDouble() < 0.08)
                    {
                        CloseAll(day);
                        return;
                    }

                    if (Renew(day))
                    {
                        (anchor, months) = (day, 0);
                    }
                }

                continue;
            }

            if (_rng.NextDouble() < ChurnProbability(termEnd))
            {
                CloseAll(day);
                if (winBacks >= MaxWinBacks || _rng.NextDouble() >= WinBackRate)
                {
                    return;
                }

                var back = day.AddMonths(_rng.Next(2, 19)).AddDays(_rng.Next(0, 25));
                if (back > _calendar.AsOf)
                {
                    return;
                }

                winBacks++;
                Acquire(back, firstTime: false);
                (anchor, months) = (back, 0);
                continue;
            }

            if ((termEnd && _interval >= 12 && Renew(day)) || Change(day, termEnd))
            {
                (anchor, months) = (day, 0); // a new subscription line starts a new term
            }
        }
    }

    /// <summary>At the end of an annual or multi-year term: a renewal line, sometimes with a price uplift; or the contract just rolls on.</summary>
    private bool Renew(DateOnly day)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.45)
        {
            return false;
        }

        var current = _subscription!;
        var uplift = roll < 0.75 ? 0m : _rng.Next(3, 9) / 100m;
        Replace(day, Math.Round(current.Amount * (1m + uplift), 2, MidpointRounding.AwayFromZero), current.Quantity);
        return true;
    }

    /// <summary>At most one change a month; returns true when the subscription line was replaced.</summary>
    private bool Change(DateOnly day, bool termEnd)
    {
        var roll = _rng.NextDouble();
        var seatChanges = Segment == DemoSegment.MidMarket ? 0.07 : 0.05;
        if ((roll -= seatChanges) < 0)
        {
            return IsPerSeat(_plan) && ChangeSeats(day);
        }

        if ((roll -= 0.012) < 0)
        {
            return Upgrade(day);
        }

        if ((roll -= 0.005) < 0)
        {
            return (_interval == 1 || termEnd) && Downgrade(day);
        }

        if ((roll -= 0.01) < 0)
        {
            return _interval == 1 && SwitchToAnnual(day);
        }

        if ((roll -= 0.012) < 0)
        {
            AddAddon(day);
        }
        else if ((roll -= 0.008) < 0)
        {
            RemoveAddon(day);
        }
        else if ((roll -= 0.004) < 0 && Segment != DemoSegment.Smb)
        {
            Training(day);
        }

        return false;
    }

    private DraftLine Open(LineKind kind, string product, DateOnly start, decimal amount, int quantity, int? interval, DemoAddon? addon = null)
    {
        var line = new DraftLine
        {
            Kind = kind,
            Product = product,
            Start = start,
            Amount = amount,
            Quantity = quantity,
            Interval = interval,
            Addon = addon,
        };
        _lines.Add(line);
        return line;
    }

    private void CloseAll(DateOnly day)
    {
        _subscription!.End = day;
        _subscription = null;
        foreach (var addon in _openAddons)
        {
            addon.End = day;
        }

        _openAddons.Clear();
    }

    /// <summary>Ends the subscription line and starts its successor the same day: how the contract records any change.</summary>
    private void Replace(DateOnly day, decimal amount, int quantity)
    {
        _subscription!.End = day;
        _subscription = Open(LineKind.Subscription, Product(_plan), day, amount, quantity, _interval);
    }
}
