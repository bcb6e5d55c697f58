using RunRate.Engine.Ledger;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>The individual changes of a simulated account and what they cost.</summary>
internal sealed partial class DemoAccount
{
    /// <summary>A new (or returning) customer: plan, billing, seats, negotiated discount, fees and add-ons.</summary>
    private void Acquire(DateOnly day, bool firstTime)
    {
        _plan = Segment switch
        {
            DemoSegment.Smb => Weighted<DemoPlan>(_rng, [(DemoPlan.Starter, 60), (DemoPlan.Growth, 40)]),
            DemoSegment.MidMarket => Weighted<DemoPlan>(_rng, [(DemoPlan.Growth, 55), (DemoPlan.Scale, 45)]),
            _ => Weighted<DemoPlan>(_rng, [(DemoPlan.Scale, 45), (DemoPlan.Enterprise, 55)]),
        };
        _interval = (Segment, _plan) switch
        {
            (DemoSegment.Smb, _) => Weighted<int>(_rng, [(1, 70), (3, 10), (12, 20)]),
            (DemoSegment.MidMarket, _) => Weighted<int>(_rng, [(1, 30), (3, 20), (12, 50)]),
            (_, DemoPlan.Enterprise) => Weighted<int>(_rng, [(12, 65), (24, 15), (36, 12), (3, 8)]),
            _ => Weighted<int>(_rng, [(12, 70), (3, 15), (1, 15)]),
        };
        _seats = (Segment, _plan) switch
        {
            (_, DemoPlan.Starter) => _rng.Next(1, 9),
            (DemoSegment.Smb, _) => _rng.Next(3, 16),
            (DemoSegment.MidMarket, DemoPlan.Growth) => _rng.Next(10, 61),
            (DemoSegment.MidMarket, _) => _rng.Next(15, 81),
            (_, DemoPlan.Scale) => _rng.Next(50, 301),
            _ => _rng.Next(100, 1001),
        };
        _discount = Segment switch
        {
            DemoSegment.Smb => 0m,
            DemoSegment.MidMarket => Weighted<decimal>(_rng, [(0m, 2), (0.05m, 1), (0.10m, 1), (0.15m, 1)]),
            _ => Weighted<decimal>(_rng, [(0.05m, 1), (0.10m, 1), (0.15m, 1), (0.20m, 1), (0.25m, 1)]),
        };
        _flatMonthly = _plan == DemoPlan.Enterprise ? Local(_rng.Next(8, 61) * 250m, _profile.Currency, 50m) : 0m;
        Subscribe(day);

        if (firstTime || _rng.NextDouble() < 0.3)
        {
            Onboarding(day);
        }

        if (firstTime && Segment == DemoSegment.Enterprise && _rng.NextDouble() < 0.6)
        {
            Open(LineKind.OneTime, "Setup", day, Local(_rng.Next(10, 41) * 250m, _profile.Currency, 50m), 1, null);
        }

        (DemoAddon Addon, double Probability)[] addons = Segment switch
        {
            DemoSegment.Smb => [(DemoAddon.ExtraStorage, 0.10)],
            DemoSegment.MidMarket => [(DemoAddon.Sso, 0.35), (DemoAddon.PremiumSupport, 0.20)],
            _ => [(DemoAddon.Sso, 0.70), (DemoAddon.PremiumSupport, 0.50), (DemoAddon.Maintenance, 0.30)],
        };
        foreach (var (addon, probability) in addons)
        {
            if (_rng.NextDouble() < probability)
            {
                AddAddon(day, addon);
            }
        }
    }

    private void Onboarding(DateOnly day)
    {
        var usd = Segment switch
        {
            DemoSegment.Smb when _plan == DemoPlan.Starter => 0m, // self-onboarding
            DemoSegment.Smb => _rng.NextDouble() < 0.3 ? 299m : 0m,
            DemoSegment.MidMarket => _rng.NextDouble() < 0.8 ? _rng.Next(15, 51) * 100m : 0m,
            _ => _rng.Next(15, 51) * 500m,
        };
        if (usd > 0)
        {
            Open(LineKind.OneTime, "Onboarding", day, Local(usd, _profile.Currency, 1m), 1, null);
        }
    }

    /// <summary>Opens a subscription line for the current plan at today's list price.</summary>
    private void Subscribe(DateOnly day)
    {
        _subscription?.End = day;
        var (monthly, quantity) = _plan == DemoPlan.Enterprise
            ? (_flatMonthly, 1)
            : (SeatPrice(_plan, _profile.Currency, YearsBeforeAsOf(day)), _seats);
        _subscription = Open(LineKind.Subscription, Product(_plan), day, IntervalAmount(monthly, _discount, _interval), quantity, _interval);
    }

    private double ChurnProbability(bool termEnd)
    {
        var monthly = Segment switch
        {
            DemoSegment.Smb => 0.025,
            DemoSegment.MidMarket => 0.012,
            _ => 0.006,
        };
        if (_interval == 1)
        {
            return monthly;
        }

        if (!termEnd)
        {
            return 0; // prepaid customers leave at the end of their term
        }

        return _interval == 3 ? monthly * 3 : Segment switch
        {
            DemoSegment.Smb => 0.18,
            DemoSegment.MidMarket => 0.10,
            _ => 0.06,
        };
    }

    /// <summary>Seats added (more often) or removed, at the customer's existing price.</summary>
    private bool ChangeSeats(DateOnly day)
    {
        var seats = _rng.NextDouble() < 0.7
            ? _seats + _rng.Next(1, Math.Max(2, (_seats * 3 / 10) + 1))
            : Math.Max(1, _seats - _rng.Next(1, Math.Max(2, (_seats / 5) + 1)));
        if (seats == _seats)
        {
            return false;
        }

        _seats = seats;
        Replace(day, _subscription!.Amount, seats);
        return true;
    }

    private bool Upgrade(DateOnly day)
    {
        if (_plan == DemoPlan.Enterprise || (_plan == DemoPlan.Scale && Segment == DemoSegment.Smb))
        {
            return false;
        }

        _plan++;
        if (_plan == DemoPlan.Enterprise)
        {
            // The platform fee is negotiated from what the seats cost on Scale, and comes with an annual contract.
            var seats = _seats * SeatPrice(DemoPlan.Scale, _profile.Currency, YearsBeforeAsOf(day)) * 1.15m;
            _flatMonthly = Math.Max(Local(2000m, _profile.Currency, 50m), Math.Round(seats / 50m, 0, MidpointRounding.AwayFromZero) * 50m);
            _interval = 12;
        }

        Subscribe(day);
        return true;
    }

    private bool Downgrade(DateOnly day)
    {
        if (_plan is DemoPlan.Starter or DemoPlan.Free)
        {
            return false;
        }

        if (_plan == DemoPlan.Enterprise)
        {
            // Back to seats, and to fewer of them than the platform fee paid for.
            var seatPrice = SeatPrice(DemoPlan.Scale, _profile.Currency, YearsBeforeAsOf(day));
            _seats = Math.Max(1, (int)(_flatMonthly * 0.7m / seatPrice));
            _interval = Math.Min(_interval, 12);
        }

        _plan--;
        Subscribe(day);
        return true;
    }

    /// <summary>A monthly customer commits to a year for "two months free": less MRR, but it is prepaid.</summary>
    private bool SwitchToAnnual(DateOnly day)
    {
        var monthly = _subscription!.Amount;
        _interval = 12;
        Replace(day, IntervalAmount(monthly, 0m, 12), _subscription.Quantity);
        return true;
    }

    private void AddAddon(DateOnly day)
    {
        DemoAddon[] offered = Segment switch
        {
            DemoSegment.Smb => [DemoAddon.Sso, DemoAddon.ExtraStorage],
            DemoSegment.MidMarket => [DemoAddon.Sso, DemoAddon.PremiumSupport, DemoAddon.ExtraStorage],
            _ => [DemoAddon.Sso, DemoAddon.PremiumSupport, DemoAddon.Maintenance, DemoAddon.ExtraStorage],
        };
        var addon = AnyOf(_rng, offered);
        if (!_openAddons.Exists(line => line.Addon == addon))
        {
            AddAddon(day, addon);
        }
    }

    private void AddAddon(DateOnly day, DemoAddon addon)
    {
        var currency = _profile.Currency;
        var interval = Math.Min(_interval, 12);
        var (amount, quantity) = addon switch
        {
            DemoAddon.Sso => (IntervalAmount(Local(150m, currency, 5m), 0m, interval), 1),
            DemoAddon.PremiumSupport => (IntervalAmount(Local(Segment == DemoSegment.Enterprise ? 1200m : 400m, currency, 10m), 0m, interval), 1),
            DemoAddon.Maintenance => (Local(_rng.Next(30, 121) * 100m, currency, 100m), 1),
            _ => (IntervalAmount(Local(25m, currency, 1m), 0m, interval), _rng.Next(1, 11)),
        };
        if (addon == DemoAddon.Maintenance)
        {
            interval = 12; // maintenance is always billed yearly
        }

        _openAddons.Add(Open(LineKind.Addon, Product(addon), day, amount, quantity, interval, addon));
    }

    private void RemoveAddon(DateOnly day)
    {
        if (_openAddons.Count > 0)
        {
            var index = _rng.Next(_openAddons.Count);
            _openAddons[index].End = day;
            _openAddons.RemoveAt(index);
        }
    }

    private void Training(DateOnly day) =>
        Open(LineKind.OneTime, "Training", day, Local(1200m, _profile.Currency, 50m), _rng.Next(1, 4), null);

    private int YearsBeforeAsOf(DateOnly day) => Math.Max(0, _calendar.AsOf.Year - day.Year);
}
