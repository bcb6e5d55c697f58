using RunRate.Capture.Matching;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;

namespace RunRate.Capture.Pipeline;

/// <summary>The activities a batch of items should log, the items no account matched, and those known under another form of their id.</summary>
internal sealed record CapturePlan(IReadOnlyList<Activity> Activities, IReadOnlyList<UnmatchedItem> Unmatched, int KnownUnderOtherId);

/// <summary>
/// Turns read items into activities: one per matched account, with ids derived from the external id so
/// that capturing the same input again produces the same rows (which the store then skips).
/// </summary>
internal static class CapturePlanner
{
    /// <summary>Characters of the external id's SHA-256 kept in an activity id: 64 bits, ample for one CRM.</summary>
    private const int IdHexLength = 16;

    /// <param name="items">What the readers found.</param>
    /// <param name="matcher">The account rules.</param>
    /// <param name="kind">Email or Meeting.</param>
    /// <param name="source">The activities' source (<see cref="CaptureSources"/>).</param>
    /// <param name="idPrefix">"em_" or "mt_".</param>
    /// <param name="stored">External ids already stored, with their account.</param>
    public static CapturePlan Plan(
        IEnumerable<CapturedItem> items,
        AddressMatcher matcher,
        ActivityKind kind,
        string source,
        string idPrefix,
        IReadOnlyDictionary<string, CustomerId> stored)
    {
        var activities = new List<Activity>();
        var unmatched = new Dictionary<string, UnmatchedItem>(StringComparer.Ordinal);
        var known = 0;
        foreach (var item in items)
        {
            var matches = matcher.Match(item.Participants);
            if (matches.Count == 0)
            {
                unmatched.TryAdd(item.ExternalId, new UnmatchedItem(item.ExternalId, item.At, item.Subject, item.From, item.To));
                continue;
            }

            // One account keeps the plain id; several get one activity each, the id suffixed with the account.
            // A message first captured under one form and now matching differently (a contact or domain was
            // added since) is recognised under the other form, so it is not logged twice on the same account.
            var several = matches.Count > 1;
            foreach (var match in matches)
            {
                var suffixed = item.ExternalId + "#" + match.Account.Value;
                var externalId = several ? suffixed : item.ExternalId;
                var otherForm = several ? item.ExternalId : suffixed;
                if (stored.TryGetValue(otherForm, out var account) && account == match.Account)
                {
                    known++;
                    continue;
                }

                activities.Add(new Activity(
                    new ActivityId(idPrefix + CaptureText.Sha256(externalId)[..IdHexLength]),
                    kind,
                    item.At,
                    item.Subject,
                    item.Body,
                    match.Account,
                    match.Contact,
                    null,
                    source,
                    externalId));
            }
        }

        var list = unmatched.Values.OrderBy(u => u.At).ThenBy(u => u.ExternalId, StringComparer.Ordinal).ToList();
        return new CapturePlan(activities, list, known);
    }
}
