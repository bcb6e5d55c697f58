using SharpFuzz;

namespace RunRate.Fuzz;

/// <summary>
/// <c>RunRate.Fuzz TARGET</c> under fuzz/run.sh's libFuzzer bridge (which sets <c>__LIBFUZZER_SHM_ID</c>) serves
/// inputs until the bridge stops; <c>RunRate.Fuzz TARGET FILE...</c> runs saved inputs once each (to reproduce a
/// finding), printing the exception and exiting 1 on the first that throws.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var target = args.Length > 0 ? FuzzTargets.Find(args[0]) : null;
        if (target is null)
        {
            Console.Error.WriteLine($"usage: RunRate.Fuzz {string.Join('|', FuzzTargets.Names)} [INPUT_FILE...]");
            return 2;
        }

        if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is not null)
        {
            Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
            return 0;
        }

        GiveInstrumentationAMap();
        foreach (var file in args.Skip(1))
        {
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }
#pragma warning disable CA1031 // a reproducer reports whatever the target throws
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine($"{file}: {ex}");
                return 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Instrumented assemblies (fuzz/.work/TARGET/app) write every edge into SharpFuzz's map, which only the libFuzzer
    /// bridge sets up; outside it, give them a scratch map so the same binary also replays inputs.
    /// </summary>
    private static unsafe void GiveInstrumentationAMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        }
    }
}
