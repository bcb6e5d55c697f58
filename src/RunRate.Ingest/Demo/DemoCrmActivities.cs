using System.Collections.Immutable;
using System.Globalization;
using RunRate.Engine.Crm;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>
/// The demo's activity log over the six months before the as-of day: a call, meeting or note at every step of
/// each deal, and touches with the owners' accounts in between. About one owned account in four is quiet (no
/// activity in the last three months, half of them none at all), which is what churn-risk signals look for.
/// </summary>
internal static class DemoCrmActivities
{
    /// <summary>Six months; days are drawn two short of it, since a weekend day moves back to the Friday.</summary>
    private const int WindowDays = 182;

    private const int LatestDraw = WindowDays - 2;

    private static readonly (ActivityKind Value, int Weight)[] Kinds = [(ActivityKind.Call, 35), (ActivityKind.Meeting, 25), (ActivityKind.Note, 40)];
    private static readonly string[] CallSubjects = ["Check-in call", "Usage review", "Billing question", "Onboarding call", "Feature request follow-up", "Support escalation"];
    private static readonly string[] MeetingSubjects = ["Quarterly business review", "Product roadmap session", "Training workshop", "Executive sponsor meeting"];
    private static readonly string[] NoteSubjects = ["Champion changed roles", "Happy with the new reports", "Asked about SSO", "Budget planning starts next month", "Renewal on track"];

    public static ImmutableArray<Activity> Create(List<DemoCrmAccount> accounts, ImmutableArray<Contact> contacts, ImmutableArray<Deal> deals, DateOnly asOf, Random rng)
    {
        var people = contacts.GroupBy(c => c.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var dealsOf = deals.GroupBy(d => d.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var drafts = new List<Activity>();
        var first = asOf.AddDays(-LatestDraw);
        foreach (var account in accounts.Where(a => a.Owner is not null))
        {
            var id = account.Customer.Id;
            var staff = people.GetValueOrDefault(id) ?? [];
            if (rng.NextDouble() < 0.25)
            {
                // Quiet: nothing in the last three months.
                for (var n = rng.NextDouble() < 0.5 ? rng.Next(1, 3) : 0; n > 0; n--)
                {
                    drafts.Add(Touch(account, staff, asOf.AddDays(-rng.Next(100, LatestDraw + 1)), asOf, rng));
                }

                continue;
            }

            for (var n = rng.Next(1, 7); n > 0; n--)
            {
                drafts.Add(Touch(account, staff, asOf.AddDays(-rng.Next(1, LatestDraw + 1)), asOf, rng));
            }

            foreach (var deal in dealsOf.GetValueOrDefault(id) ?? [])
            {
                foreach (var step in deal.History.Where(h => h.On >= first))
                {
                    var (kind, subject) = Step(deal, step.Stage);
                    drafts.Add(Draft(account, staff, step.On, kind, subject, deal.Id, asOf, rng));
                }
            }
        }

        var ordered = drafts.OrderBy(a => a.At).ThenBy(a => a.AccountId.Value, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((a, i) => a with { Id = new ActivityId("ac_" + (i + 1).ToString("00000", CultureInfo.InvariantCulture)) })];
    }

    private static Activity Touch(DemoCrmAccount account, List<Contact> staff, DateOnly day, DateOnly asOf, Random rng)
    {
        var kind = Weighted<ActivityKind>(rng, Kinds);
        var subject = kind switch
        {
            ActivityKind.Call => AnyOf(rng, CallSubjects),
            ActivityKind.Meeting => AnyOf(rng, MeetingSubjects),
            _ => AnyOf(rng, NoteSubjects),
        };
        return Draft(account, staff, day, kind, subject, null, asOf, rng);
    }

    private static (ActivityKind Kind, string Subject) Step(Deal deal, string stage) => stage switch
    {
        "lead" => (ActivityKind.Note, $"New opportunity: {deal.Title}"),
        "qualified" => (ActivityKind.Call, "Discovery call"),
        "proposal" => (ActivityKind.Meeting, $"Proposal review: {deal.Title}"),
        "negotiation" => (ActivityKind.Call, "Negotiation call"),
        "won" => (ActivityKind.Note, $"Contract signed: {deal.Title}"),
        _ => (ActivityKind.Note, $"Lost ({deal.LostReason}): {deal.Title}"),
    };

    /// <summary>An activity on a weekday in working hours, strictly before the as-of day (so never later than "now").</summary>
    private static Activity Draft(DemoCrmAccount account, List<Contact> staff, DateOnly day, ActivityKind kind, string subject, DealId? deal, DateOnly asOf, Random rng)
    {
        var on = DemoCrm.Weekday(day < asOf ? day : asOf.AddDays(-1));
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(rng.Next(8, 17), rng.Next(0, 4) * 15)), TimeSpan.Zero);
        var contact = staff.Count == 0 || kind == ActivityKind.Note ? null : staff[rng.Next(staff.Count)];
        return new Activity(new ActivityId("draft"), kind, at, subject, null, account.Customer.Id, contact?.Id, deal, "manual", null);
    }
}
