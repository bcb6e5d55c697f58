using RunRate.Compare.Cli;
using Shouldly;

namespace RunRate.Compare.Tests.Cli;

public sealed class CompareCommandTests
{
    [Fact]
    public void A_small_run_ends_with_the_verdict_line_and_exits_0_when_equal()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CompareCommand.Run(["--customers", "300", "--months", "24", "--runs", "1"], output, errors);

        exit.ShouldBe(0, errors.ToString());
        var lines = output.ToString().TrimEnd().Split('\n');
        lines[^1].ShouldMatch(@"^engine \d+ ms, duckdb \d+ ms, speedup \d+\.\dx, equal: yes$");
        lines.ShouldContain(l => l.StartsWith("compared 24 months x 25 figures exactly: 0 mismatches", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--customers", "0" }, "--customers: expected a whole number in 1..10000000, found '0'")]
    [InlineData(new[] { "--customers", "many" }, "--customers: expected a whole number")]
    [InlineData(new[] { "--months" }, "--months: a value is required")]
    [InlineData(new[] { "--months=0" }, "--months: expected a whole number in 1..600, found '0'")]
    [InlineData(new[] { "--currency", "JPY" }, "--currency: expected USD, EUR or GBP")]
    [InlineData(new[] { "--runs", "-1" }, "--runs: expected a whole number in 1..100")]
    [InlineData(new[] { "--fast" }, "--fast: unknown option")]
    public void Bad_arguments_exit_2_with_a_message_naming_the_option(string[] args, string message)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        CompareCommand.Run(args, output, errors).ShouldBe(2);

        errors.ToString().ShouldStartWith(message);
        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Options_default_to_a_million_customers_60_months_usd_and_best_of_3()
    {
        CompareOptions.Parse([], out var error).ShouldBe(CompareOptions.Default);
        error.ShouldBeNull();
        CompareOptions.Parse(["--customers=1_000", "--currency", "gbp"], out _)!.ShouldSatisfyAllConditions(
            o => o.Customers.ShouldBe(1000),
            o => o.Currency.Value.ShouldBe("GBP"));
    }
}
