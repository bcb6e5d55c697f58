using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RunRate.Engine.Primitives;
using RunRate.Reliability.Tests.Support;
using RunRate.Storage;
using RunRate.Testing;
using Shouldly;

namespace RunRate.Reliability.Tests.Operability;

/// <summary>
/// SIGTERM to a real <c>runrate serve</c> in the middle of writes: requests it had accepted (including slow uploads
/// whose bodies are still arriving) finish with their 2xx and are stored, a request it refused is not stored, and
/// the process says it stopped and exits 0.
/// </summary>
public sealed partial class GracefulShutdownTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-ops-");
    private readonly string _db;

    public GracefulShutdownTests()
    {
        _db = TestStores.NewLocation(_folder.FullName);
    }

    [Fact]
    public async Task Sigterm_lets_accepted_writes_finish_and_store_then_exits_zero()
    {
        var (server, address) = RunRateProcess.Serve(["--db", _db, "--demo", "--demo-customers", "5", "--shutdown-timeout", "20"]);
        using (server)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await ServeApi.CreateCustomer(client, address);

            // Slow writes: each body trickles in over about 2 s, so all are in progress when SIGTERM arrives.
            var slow = Enumerable.Range(0, 4).Select(i =>
            {
                var content = new SlowContent(Encoding.UTF8.GetBytes(ServeApi.LineJson($"SLOW-{i}", 100 + i)), chunks: 8, pause: TimeSpan.FromMilliseconds(250));
                content.Headers.ContentType = new("application/json");
                return (Id: $"SLOW-{i}", Content: content, Task: client.PostAsync(new Uri(address + "/api/lines"), content));
            }).ToList();

            // Fast writers keep going until the server refuses them.
            var outcomes = new ConcurrentDictionary<string, HttpStatusCode?>(StringComparer.Ordinal);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                using var own = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"FAST-{w}-{n}";
                    try
                    {
                        using var response = await own.PostAsync(new Uri(address + "/api/lines"), ServeApi.Json(ServeApi.LineJson(id, 10 + n)));
                        outcomes[id] = response.StatusCode;
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                        {
                            return; // "the server is stopping": refused, not written
                        }
                    }
                    catch (HttpRequestException)
                    {
                        outcomes[id] = null; // refused: the server no longer accepts
                        return;
                    }
                }
            })).ToList();

            await Task.WhenAll(slow.Select(s => s.Content.FirstChunkSent.Task));
            await Task.Delay(400);
            server.Terminate();

            var slowAnswers = new List<HttpStatusCode>();
            var failures = new List<string>();
            foreach (var (id, _, task) in slow)
            {
                try
                {
                    slowAnswers.Add((await task).StatusCode);
                }
                catch (HttpRequestException ex)
                {
                    failures.Add($"{id}: {ex.Message} {ex.InnerException?.Message}");
                }
            }

            server.WaitForExit(TimeSpan.FromSeconds(40)).ShouldBeTrue("the server did not exit after SIGTERM");
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.Equal(0, server.ExitCode);
            Assert.Matches(StoppedLine(), server.Output);
            failures.ShouldBeEmpty($"accepted slow writes failed; server said: {server.Output}{server.Errors}");
            slowAnswers.ShouldAllBe(s => s == HttpStatusCode.Created);

            using var store = StoreFactory.Open(_db, create: false);
            foreach (var (id, _, _) in slow)
            {
                store.FindLine(new LineId(id)).ShouldNotBeNull($"{id} was acknowledged but is not stored");
            }

            outcomes.Values.ShouldNotContain(s => s != null && s != HttpStatusCode.Created && s != HttpStatusCode.ServiceUnavailable, "a write failed with an HTTP error instead of completing or being refused");
            foreach (var (id, status) in outcomes)
            {
                var stored = store.FindLine(new LineId(id)) is not null;
                stored.ShouldBe(status == HttpStatusCode.Created, $"{id}: answered {status?.ToString() ?? "nothing (connection refused)"} but stored={stored}");
            }

            outcomes.Values.Count(s => s == HttpStatusCode.Created).ShouldBeGreaterThan(0);
        }
    }

    public void Dispose()
    {
        TestStores.Drop(_db);
        _folder.Delete(recursive: true);
    }

    [GeneratedRegex("RunRate stopped")]
    private static partial Regex StoppedLine();
}
