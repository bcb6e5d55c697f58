using System.Net.Http.Headers;
using System.Text.Json;
using RunRate.Reliability.Tests.Support;
using RunRate.Testing;
using Shouldly;

namespace RunRate.Reliability.Tests.Operability;

/// <summary><c>runrate serve --log-format json</c>: standard output is JSON lines, one per API request with its fields, and no secret.</summary>
public sealed class JsonLogTests : IDisposable
{
    private const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-ops-");
    private readonly string _db;

    public JsonLogTests()
    {
        _db = TestStores.NewLocation(_folder.FullName);
    }

    [Fact]
    public async Task An_api_request_writes_one_parseable_json_line_with_method_path_status_duration_and_trace_id()
    {
        // Signed-in mode: the first run creates the admin and its password must not reach the JSON log.
        var (server, address) = RunRateProcess.Serve(["--db", _db, "--log-format", "json"]);
        using (server)
        {
            using var client = new HttpClient();
            using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address + "/api/summary?month=2026-01")))
            {
                request.Headers.Add("traceparent", $"00-{Trace}-00f067aa0ba902b7-01");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "rr_not-a-real-token-secret");
                using var response = await client.SendAsync(request);
                ((int)response.StatusCode).ShouldBe(401);
            }

            using (var login = await client.PostAsync(new Uri(address + "/api/auth/login"), ServeApi.Json("""{"user":"admin","password":"wrong-password-123"}""")))
            {
                ((int)login.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
            }

            using (var ready = await client.GetAsync(new Uri(address + "/health/ready")))
            {
                ((int)ready.StatusCode).ShouldBe(200);
            }

            server.Terminate();
            server.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
            server.ExitCode.ShouldBe(0);

            var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList(); // every line is JSON
            foreach (var entry in entries)
            {
                entry.GetProperty("timestamp").GetString().ShouldNotBeNullOrEmpty();
                entry.GetProperty("level").GetString().ShouldNotBeNullOrEmpty();
                entry.GetProperty("category").GetString().ShouldNotBeNullOrEmpty();
                entry.GetProperty("message").GetString().ShouldNotBeNull();
            }

            var summary = entries.Single(e => e.TryGetProperty("path", out var p) && p.GetString() == "/api/summary");
            summary.GetProperty("method").GetString().ShouldBe("GET");
            summary.GetProperty("status").GetInt32().ShouldBe(401);
            summary.GetProperty("duration_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
            summary.GetProperty("trace_id").GetString().ShouldBe(Trace);
            summary.GetProperty("category").GetString().ShouldBe("RunRate.Web.Requests");
            entries.Any(e => e.TryGetProperty("path", out var p) && p.GetString() == "/health/ready").ShouldBeTrue();
            entries.ShouldContain(e => e.GetProperty("message").GetString()!.StartsWith("RunRate stopped", StringComparison.Ordinal));

            // The admin password printed once on standard error, the token, the password tried and the query never reach the log.
            var password = System.Text.RegularExpressions.Regex.Match(server.Errors, @"admin / (\S+)").Groups[1].Value;
            password.ShouldNotBeNullOrEmpty();
            server.Output.ShouldNotContain(password);
            server.Output.ShouldNotContain("rr_not-a-real-token-secret");
            server.Output.ShouldNotContain("wrong-password-123");
            server.Output.ShouldNotContain("month=2026-01");
        }
    }

    public void Dispose()
    {
        TestStores.Drop(_db);
        _folder.Delete(recursive: true);
    }
}
