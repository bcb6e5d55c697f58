using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RunRate.Load;

/// <summary><c>runrate serve --demo</c> over the store on a free port of 127.0.0.1, as a child process; stopped with SIGTERM-like Kill at the end.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static ServeProcess Start(string runrate, string db)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { runrate, "serve", "--demo", "--db", db, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Serving().Match(line) is { Success: true } m)
            {
                address.TrySetResult(m.Groups["address"].Value);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException($"runrate serve exited ({process.ExitCode}): {log}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!address.Task.Wait(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("runrate serve did not start within 120 s");
        }

        return new ServeProcess(process, address.Task.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"RunRate is serving .+ at (?<address>http://[^\s""]+)")]
    private static partial Regex Serving();
}
