namespace RunRate.Cli.Tests.Support;

/// <summary>Finds the shared sample ledgers (../shared/samples beside the repository).</summary>
internal static class Samples
{
    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRate.slnx")))
            {
                var samples = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "samples", name));
                return Directory.Exists(samples)
                    ? samples
                    : throw new DirectoryNotFoundException($"The shared samples are expected at {samples} (a checkout of shared/ beside the repository).");
            }
        }

        throw new DirectoryNotFoundException("RunRate.slnx not found above the test binaries.");
    }
}
