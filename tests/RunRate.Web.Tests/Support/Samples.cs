namespace RunRate.Web.Tests.Support;

/// <summary>Finds a reference ledger: ../shared/samples beside the repository when present, else tests/samples.</summary>
internal static class Samples
{
    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRate.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "samples", name));
                var copy = Path.Combine(dir.FullName, "tests", "samples", name);
                return Directory.Exists(shared) ? shared
                    : Directory.Exists(copy) ? copy
                    : throw new DirectoryNotFoundException($"Sample ledger '{name}' not found in {shared} nor {copy}.");
            }
        }

        throw new DirectoryNotFoundException("RunRate.slnx not found above the test binaries.");
    }
}
