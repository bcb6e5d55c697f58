using RunRate.Reliability.Tests.Support;

namespace RunRate.Reliability.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void The_child_process_harness_runs_the_real_cli()
    {
        var (exit, output, _) = RunRateProcess.Run(["--version"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        Assert.False(string.IsNullOrWhiteSpace(output));
    }
}
