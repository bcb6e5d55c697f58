using System.Net;
using System.Net.Sockets;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Testing;

namespace RunRate.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public void A_taken_port_is_a_clear_error_with_its_own_exit_code()
    {
        using var cli = new CliHarness();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = cli.Run("serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", result.Errors, StringComparison.Ordinal);
        Assert.Contains("--urls", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("not a url")]
    public void A_malformed_address_is_a_usage_error(string url)
    {
        using var cli = new CliHarness();
        var result = cli.Run("serve", "--urls", url);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--urls", result.Errors, StringComparison.Ordinal);
        Assert.False(TestStores.Exists(cli.Db));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5180")]
    [InlineData("http://127.0.0.1:5180;http://192.168.1.20:5180")]
    public void The_open_demo_refuses_an_address_beyond_this_machine(string urls)
    {
        using var cli = new CliHarness();
        var result = cli.Run("serve", "--demo", "--urls", urls);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--demo: demo mode has no login", result.Errors, StringComparison.Ordinal);
        Assert.False(TestStores.Exists(cli.Db));
    }
}
