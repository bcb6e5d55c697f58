using RunRate.Capture.Mail;
using Shouldly;

namespace RunRate.Capture.Tests.Mail;

public sealed class MboxFromLineTests
{
    [Theory]
    [InlineData("From jane@acme.com Mon Jan  5 09:30:00 2026", "2026-01-05T09:30:00+00:00")]
    [InlineData("From - Mon Jan 05 09:30:00 2026", "2026-01-05T09:30:00+00:00")]
    [InlineData("From MAILER-DAEMON Fri Feb 27 23:59:01 2026 +0100", "2026-02-27T22:59:01+00:00")]
    [InlineData("From jane@acme.com  Sat Dec 31 07:05 2025", "2025-12-31T07:05:00+00:00")]
    public void The_date_is_read_from_common_from_lines(string line, string expected) =>
        MboxFromLine.Date(line).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("From jane@acme.com")]
    [InlineData("From jane@acme.com Mon Feb 30 09:30:00 2026")]
    [InlineData("From: jane@acme.com")]
    [InlineData(null)]
    public void Lines_without_a_valid_date_give_none(string? line) => MboxFromLine.Date(line).ShouldBeNull();
}
