using RunRate.Ingest.Backup;

namespace RunRate.Cli.Tests.Export;

/// <summary>Compares and edits export folders.</summary>
internal static class ExportFolders
{
    /// <summary>Every file of the folder, the manifest without its <c>exported_at</c> line.</summary>
    public static SortedDictionary<string, string> Read(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var text = File.ReadAllText(path);
            files[Path.GetFileName(path)] = Path.GetFileName(path) == BackupFiles.Manifest
                ? string.Join('\n', text.Split('\n').Where(l => !l.Contains("\"exported_at\"", StringComparison.Ordinal)))
                : text;
        }

        return files;
    }

    public static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var path in Directory.EnumerateFiles(from))
        {
            File.Copy(path, Path.Combine(to, Path.GetFileName(path)), overwrite: true);
        }

        return to;
    }

    /// <summary>Replaces a file and re-signs the manifest, so the file passes the SHA-256 check and reaches validation.</summary>
    public static void Rewrite(string folder, string file, string content)
    {
        File.WriteAllText(Path.Combine(folder, file), content);
        var manifestPath = Path.Combine(folder, BackupFiles.Manifest);
        BackupManifest manifest;
        using (var stream = File.OpenRead(manifestPath))
        {
            manifest = BackupManifest.Read(stream, new Ingest.LedgerErrors())!;
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));
        var updated = manifest with { Files = [.. manifest.Files.Select(f => f.Name == file ? f with { Sha256 = sha } : f)] };
        using var output = File.Create(manifestPath);
        updated.Write(output);
    }
}
