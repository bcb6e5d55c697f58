using RunRate.Capture.Calendar;
using RunRate.Capture.Pipeline;

namespace RunRate.Fuzz;

/// <summary>Calendar capture's reader (Ical.Net underneath) on one input as an <c>.ics</c> file, in a fixed one-year window.</summary>
public static class CalendarTarget
{
    private static readonly CalendarWindow Window = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    /// <summary>Reads the input; throws only when the reader broke its contract.</summary>
    public static void Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var read = new CalendarReader(Window).Read(new CaptureFile("fuzz.ics", () => new MemoryStream(input, writable: false)));
        CaptureChecks.Check(read, "fuzz.ics");
    }
}
