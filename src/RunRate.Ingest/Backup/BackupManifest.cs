using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace RunRate.Ingest.Backup;

/// <summary>One file of an export: its name, data rows (without the header) and SHA-256 (lower-case hex).</summary>
public sealed record BackupFileEntry(string Name, long Rows, string Sha256);

/// <summary>
/// <c>runrate-export.json</c>: what an export holds, so a restore can refuse a folder whose files were changed,
/// truncated or lost after the export instead of restoring half a company. Written last, after every file.
/// </summary>
/// <param name="FormatVersion">The export format (<see cref="CurrentFormatVersion"/>); a newer one is refused.</param>
/// <param name="ExportedAt">When the export was taken (UTC).</param>
/// <param name="RunRateVersion">The RunRate that wrote it.</param>
/// <param name="Files">Every data file, in <see cref="BackupFiles.All"/> order.</param>
public sealed record BackupManifest(int FormatVersion, DateTimeOffset ExportedAt, string RunRateVersion, IReadOnlyList<BackupFileEntry> Files)
{
    /// <summary>The format this RunRate writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    private const string FormatName = "runrate-export";

    /// <summary>Writes the manifest as indented JSON (UTF-8, <c>\n</c> line ends, stable key order).</summary>
    public void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("format_version", FormatVersion);
        json.WriteString("exported_at", ExportedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("runrate_version", RunRateVersion);
        json.WriteStartArray("files");
        foreach (var file in Files)
        {
            json.WriteStartObject();
            json.WriteString("name", file.Name);
            json.WriteNumber("rows", file.Rows);
            json.WriteString("sha256", file.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Reads a manifest; null with an error on <see cref="BackupFiles.Manifest"/> when it is not one this RunRate understands.</summary>
    public static BackupManifest? Read(Stream input, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
            {
                errors.Add(BackupFiles.Manifest, 0, "format", $"is not a RunRate export manifest (expected \"format\": \"{FormatName}\")");
                return null;
            }

            var version = root.GetProperty("format_version").GetInt32();
            if (version > CurrentFormatVersion || version < 1)
            {
                errors.Add(BackupFiles.Manifest, 0, "format_version", $"is {version}; this RunRate reads version {CurrentFormatVersion} (upgrade RunRate to restore a newer export)");
                return null;
            }

            var files = root.GetProperty("files").EnumerateArray()
                .Select(f => new BackupFileEntry(f.GetProperty("name").GetString() ?? "", f.GetProperty("rows").GetInt64(), f.GetProperty("sha256").GetString() ?? ""))
                .ToList();
            return new BackupManifest(
                version,
                DateTimeOffset.Parse(root.GetProperty("exported_at").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("runrate_version").GetString() ?? "",
                files);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            errors.Add(BackupFiles.Manifest, 0, "file", $"cannot be read as a RunRate export manifest: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Checks the files against the manifest: each listed file present with the same SHA-256, and no data file
    /// present that the manifest does not list. Adds one error per problem; true when all is well.
    /// </summary>
    public bool Verify(IReadOnlyDictionary<string, Func<Stream>> files, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        foreach (var entry in Files)
        {
            if (BackupFiles.Known(entry.Name) is null)
            {
                errors.Add(BackupFiles.Manifest, 0, "files", $"lists '{entry.Name}', which is not a file of this export format");
            }
            else if (!files.TryGetValue(entry.Name, out var open))
            {
                errors.Add(entry.Name, 0, "file", "is listed in runrate-export.json but missing");
            }
            else
            {
                using var stream = open();
                var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(entry.Name, 0, "sha256", $"differs from runrate-export.json (the file was changed or truncated after the export): expected {entry.Sha256}, found {actual}");
                }
            }
        }

        foreach (var name in files.Keys.Where(n => n != BackupFiles.Manifest && !Files.Any(f => string.Equals(f.Name, n, StringComparison.Ordinal))))
        {
            errors.Add(name, 0, "file", "is not listed in runrate-export.json (added after the export?)");
        }

        return errors.Count == before;
    }
}
