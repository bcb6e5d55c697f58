namespace RunRate.Capture;

/// <summary>The <c>source</c> values captured activities carry, so people can tell logged from captured touches.</summary>
public static class CaptureSources
{
    /// <summary>Logged by a person.</summary>
    public const string Manual = "manual";

    /// <summary>Captured from an .eml file or an mbox archive.</summary>
    public const string Email = "email";

    /// <summary>Captured from an .ics calendar.</summary>
    public const string Calendar = "calendar";

    /// <summary>Written by a billing webhook.</summary>
    public const string Billing = "billing";
}
