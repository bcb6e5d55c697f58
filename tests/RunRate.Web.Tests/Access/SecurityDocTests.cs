using System.Text.RegularExpressions;
using RunRate.Web.Infrastructure.Access;

namespace RunRate.Web.Tests.Access;

/// <summary>docs/security.md's role table is the access matrix the server enforces, row for row.</summary>
public sealed partial class SecurityDocTests
{
    [Fact]
    public void The_documented_matrix_is_exactly_the_enforced_one()
    {
        var names = new Dictionary<string, Need>(StringComparer.Ordinal)
        {
            ["anyone"] = Need.Anonymous, ["signed in"] = Need.SignedIn, ["viewer"] = Need.Viewer,
            ["sales"] = Need.Sales, ["finance"] = Need.Finance, ["admin"] = Need.Admin,
        };
        var doc = File.ReadAllText(Path.Combine(Root(), "docs", "security.md"));
        var rows = Row().Matches(doc).ToDictionary(m => m.Groups[1].Value + " " + m.Groups[2].Value, m => names[m.Groups[3].Value], StringComparer.Ordinal);
        rows.Count.ShouldBe(EndpointAccess.Matrix.Count);
        foreach (var (key, need) in EndpointAccess.Matrix)
        {
            rows.ShouldContainKeyAndValue(key, need);
        }
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("RunRate.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"^\| (GET|POST|PUT|DELETE) \| `(/api/[^`]+)` \| ([a-z ]+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
