using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace RunRate.Reliability.Tests.Support;

/// <summary>
/// The real <c>runrate</c> CLI as a child process (<c>dotnet runrate.dll …</c> from this test's output folder), so a test
/// can kill it with SIGKILL at any moment, exactly as a crash, an OOM kill or a pulled plug would, and then look at what
/// the store holds. Output is collected as it arrives; <see cref="WaitForOutput"/> waits for a line.
/// </summary>
internal sealed partial class RunRateProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    private RunRateProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The runrate.dll copied beside the tests by the project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "runrate.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts <c>runrate ARGS</c>; <paramref name="environment"/> adds or overrides variables (null removes one).</summary>
    public static RunRateProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Plain, unwrapped output whatever the terminal: tests read lines out of it.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new RunRateProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>runrate ARGS</c> to its end (or fails the test after <paramref name="timeout"/>).</summary>
    public static (int ExitCode, string Output, string Errors) Run(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var child = Start(args, environment);
        if (!child.WaitForExit(timeout))
        {
            child.Kill();
            throw new TimeoutException($"runrate {string.Join(' ', args)} did not finish within {timeout}: {child.Output}{child.Errors}");
        }

        return (child._process.ExitCode, child.Output, child.Errors);
    }

    /// <summary>Waits for the process to end; true when it did.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // drains the redirected streams
        return true;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until a line of standard output matches <paramref name="pattern"/>; returns the match, or throws.</summary>
    public Match WaitForOutput(Regex pattern, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (_process.HasExited)
            {
                WaitForExit(TimeSpan.FromSeconds(5));
                match = pattern.Match(Output);
                return match.Success ? match : throw new InvalidOperationException($"runrate exited ({_process.ExitCode}) before printing /{pattern}/: {Output}{Errors}");
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"runrate did not print /{pattern}/ within {timeout}: {Output}{Errors}");
    }

    /// <summary>Starts <c>runrate serve</c> and returns its address once it listens (on a free port of 127.0.0.1).</summary>
    public static (RunRateProcess Server, string Address) Serve(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var server = Start(["serve", "--urls", "http://127.0.0.1:0", .. args], environment);
        try
        {
            var address = server.WaitForOutput(ServingLine(), TimeSpan.FromSeconds(60)).Groups["address"].Value;
            return (server, address);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to flush, roll back or clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C's cousin sends it: the host's graceful shutdown.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && Signals.Kill(_process.Id, Signals.Term) != 0)
        {
            throw new InvalidOperationException($"could not send SIGTERM to {_process.Id}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }

    [GeneratedRegex(@"RunRate is serving .+ at (?<address>http://\S+)")]
    private static partial Regex ServingLine();
}

/// <summary>POSIX signals for the child processes (.NET's Process.Kill only sends SIGKILL).</summary>
internal static partial class Signals
{
    public const int Term = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
