using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;

namespace RunRate.Capture.Calendar;

/// <summary>
/// Resolves a calendar's TZIDs: IANA and Windows names through Ical.Net's resolver, and any other name
/// (Outlook's "Customized Time Zone", a vendor's own ids) through the VTIMEZONE the file defines for it.
/// Ical.Net looks zones up through one process-wide resolver; the file's zones are scoped to the reading
/// thread of control, so concurrent captures never see each other's definitions.
/// </summary>
internal static class IcsTimeZones
{
    private static readonly AsyncLocal<FileZoneSet?> FileZones = new();
    private static readonly Func<string, DateTimeZone> Known = TimeZoneResolvers.Default;
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Makes the file's VTIMEZONEs resolvable until the returned scope is disposed.</summary>
    public static IDisposable Scope(IEnumerable<VTimeZone> zones)
    {
        Install();
        var previous = FileZones.Value;
        FileZones.Value = new FileZoneSet(zones);
        return new Restore(() => FileZones.Value = previous);
    }

    private static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                TimeZoneResolvers.TimeZoneResolver = Resolve;
                _installed = true;
            }
        }
    }

    private static DateTimeZone Resolve(string tzId)
    {
        try
        {
            return Known(tzId);
        }
        catch (ArgumentException) when (FileZones.Value?.Find(tzId) is { } defined)
        {
            return defined;
        }
    }

    /// <summary>One file's VTIMEZONEs, each turned into a zone once (Ical.Net asks for a zone at every conversion).</summary>
    private sealed class FileZoneSet
    {
        private readonly Dictionary<string, VTimeZone> _defined = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DefinedZone> _built = new(StringComparer.Ordinal);

        public FileZoneSet(IEnumerable<VTimeZone> zones)
        {
            foreach (var zone in zones.Where(z => !string.IsNullOrEmpty(z.TzId)))
            {
                _defined.TryAdd(zone.TzId!, zone);
            }
        }

        public DefinedZone? Find(string tzId)
        {
            if (_built.TryGetValue(tzId, out var built))
            {
                return built;
            }

            return _defined.TryGetValue(tzId, out var zone) ? _built[tzId] = new DefinedZone(zone) : null;
        }
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>
    /// A zone from a VTIMEZONE's STANDARD and DAYLIGHT observances: each onset (evaluated by Ical.Net from
    /// DTSTART and RRULE, wall time in the offset before it) switches to its TZOFFSETTO.
    /// </summary>
    private sealed class DefinedZone : DateTimeZone
    {
        private static readonly CalDateTime First = new(1970, 1, 1);
        private static readonly CalDateTime Last = new(2100, 1, 1);

        private readonly List<(Instant Start, Offset Offset, string Name)> _transitions;
        private readonly Offset _initial;

        public DefinedZone(VTimeZone zone)
            : this(zone.TzId!, Transitions(zone))
        {
        }

        private DefinedZone(string id, List<(Instant Start, Offset Offset, string Name)> transitions)
            : base(id, transitions.Count <= 1, Bound(transitions, min: true), Bound(transitions, min: false))
        {
            _transitions = transitions;
            _initial = transitions.Count > 0 ? transitions[0].Offset : Offset.Zero;
        }

        public override ZoneInterval GetZoneInterval(Instant instant)
        {
            var index = _transitions.FindLastIndex(t => t.Start <= instant);
            Instant? end = index + 1 < _transitions.Count ? _transitions[index + 1].Start : null;
            return index < 0
                ? new ZoneInterval(Id, null, end, _initial, Offset.Zero)
                : new ZoneInterval(_transitions[index].Name, _transitions[index].Start, end, _transitions[index].Offset, Offset.Zero);
        }

        private static List<(Instant Start, Offset Offset, string Name)> Transitions(VTimeZone zone)
        {
            var transitions = new List<(Instant Start, Offset Offset, string Name)>();
            foreach (var observance in zone.TimeZoneInfos)
            {
                if (observance.OffsetFrom is not { } from || observance.OffsetTo is not { } to)
                {
                    continue;
                }

                var offset = Offset.FromTimeSpan(to.Offset);

                // Onsets are evaluated from 1970 on; an observance that began earlier (Outlook's 1601) also
                // counts from its DTSTART, so a zone without rules still has its offset.
                var onsets = observance.GetOccurrences(First, null).TakeWhileBefore(Last).Select(o => o.Period.StartTime.Value);
                if (observance.DtStart is { } since && since.Value < First.Value)
                {
                    onsets = onsets.Prepend(since.Value);
                }

                foreach (var wall in onsets)
                {
                    var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(wall - from.Offset, DateTimeKind.Utc));
                    transitions.Add((start, offset, observance.TimeZoneName ?? observance.Name ?? zone.TzId!));
                }
            }

            transitions.Sort((a, b) => a.Start.CompareTo(b.Start));
            return transitions;
        }

        private static Offset Bound(List<(Instant Start, Offset Offset, string Name)> transitions, bool min) =>
            transitions.Count == 0 ? Offset.Zero : min ? transitions.Min(t => t.Offset) : transitions.Max(t => t.Offset);
    }
}
