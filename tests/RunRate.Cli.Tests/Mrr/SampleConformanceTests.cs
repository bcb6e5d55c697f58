using System.Text.Json;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Mrr;

/// <summary>
/// The shared sample ledgers (computed by an independent reference in exact rational arithmetic)
/// through the real CLI: every figure of every month and cohort must match.
/// </summary>
public sealed class SampleConformanceTests
{
    private static readonly string[] Counts = ["customers", "new_customers", "reactivated_customers", "churned_customers"];
    private static readonly string[] Ratios = ["customer_churn_rate", "gross_mrr_churn_rate", "net_mrr_churn_rate", "quick_ratio", "nrr", "grr", "growth_yoy"];

    [Theory]
    [InlineData("seed-examples", "expected-2025.json", "2025-01", "2025-12")]
    [InlineData("valuation", "expected-2025.json", "2025-01", "2025-12")]
    [InlineData("random-small", "expected-2023-2025.json", "2023-01", "2025-12")]
    [InlineData("random-medium", "expected-2022-2025.json", "2022-01", "2025-12")]
    public void Mrr_json_matches_every_expected_figure(string sample, string expectedFile, string from, string to)
    {
        using var cli = new CliHarness();
        var folder = Samples.Folder(sample);
        Assert.Equal(0, cli.Run("import", folder).ExitCode);
        var result = cli.Run("mrr", "--from", from, "--to", to, "--currency", "USD", "--json");
        Assert.Equal(0, result.ExitCode);

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, expectedFile)));
        var actual = result.Json.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        var mismatches = new List<string>();
        foreach (var month in expected.RootElement.GetProperty("months").EnumerateArray())
        {
            var name = month.GetProperty("month").GetString()!;
            foreach (var field in month.EnumerateObject().Where(f => f.Name != "month"))
            {
                if (!Matches(field.Name, field.Value, actual[name].GetProperty(field.Name)))
                {
                    mismatches.Add($"{name} {field.Name}: expected {field.Value}, got {actual[name].GetProperty(field.Name)}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("random-small", "expected-cohorts-2023-2025.json", "2023-01", "2025-12")]
    [InlineData("random-medium", "expected-cohorts-2022-2025.json", "2022-01", "2025-12")]
    public void Cohorts_json_matches_every_expected_cell(string sample, string expectedFile, string from, string to)
    {
        using var cli = new CliHarness();
        var folder = Samples.Folder(sample);
        Assert.Equal(0, cli.Run("import", folder).ExitCode);
        var result = cli.Run("cohorts", "--from", from, "--to", to, "--currency", "USD", "--json");

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, expectedFile)));
        var actual = result.Json.GetProperty("cohorts").EnumerateArray().ToDictionary(c => c.GetProperty("cohort").GetString()!);
        var expectedCohorts = expected.RootElement.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.Equal(expectedCohorts.Select(c => c.GetProperty("cohort").GetString()), actual.Keys);
        var mismatches = new List<string>();
        foreach (var cohort in expectedCohorts)
        {
            var got = actual[cohort.GetProperty("cohort").GetString()!];
            Assert.Equal(cohort.GetProperty("customers").GetInt64(), got.GetProperty("customers").GetInt64());
            foreach (var series in new[] { "mrr", "revenue_retention", "logo_retention" })
            {
                var want = cohort.GetProperty(series).EnumerateArray().ToList();
                var have = got.GetProperty(series).EnumerateArray().ToList();
                Assert.Equal(want.Count, have.Count);
                for (var k = 0; k < want.Count; k++)
                {
                    if (!Matches(series == "mrr" ? "mrr" : "nrr", want[k], have[k]))
                    {
                        mismatches.Add($"{cohort.GetProperty("cohort")} {series}[{k}]: expected {want[k]}, got {have[k]}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static bool Matches(string field, JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return expected.ValueKind == actual.ValueKind;
        }

        var want = expected.GetDecimal();
        var have = actual.GetDecimal();
        if (Counts.Contains(field))
        {
            return want == have;
        }

        return Ratios.Contains(field)
            ? Math.Abs(want - have) <= 0.000001m * Math.Max(1, Math.Abs(want))
            : Math.Abs(want - have) <= 0.005m; // money: both sides rounded to cents from exact values
    }
}
