using System.ComponentModel;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest;
using RunRate.Ingest.Backup;
using RunRate.Reporting.Import;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Ledger;

/// <summary>
/// <c>POST /api/ledger</c>: imports an uploaded ledger (the CSV files, or one zip holding them) with
/// <see cref="LedgerImport.Run"/>, so an upload is validated and stored exactly like
/// <c>runrate import</c>: all or nothing, every error reported.
/// </summary>
internal static class LedgerApi
{
    private const string Expected = "expected customers.csv and lines.csv (fx.csv and costs.csv optional) as files of a multipart/form-data upload, or one .zip holding them";

    /// <summary>No single file inside a zip may expand beyond this (a zip bomb is reported, not swallowed).</summary>
    private const long MaxEntryBytes = 1L << 30;

    /// <summary>The ledger files first (the first two required), then an export's CRM files and manifest (restored with replace=true).</summary>
    private static readonly string[] Names = [.. BackupFiles.All, BackupFiles.Manifest];

    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        api.MapPost("/ledger", Upload)
            .WithName("ImportLedger")
            .WithTags("Ledger")
            .WithSummary("Import a ledger (all or nothing)")
            .WithDescription("multipart/form-data with the files customers.csv, lines.csv and optional fx.csv and costs.csv, or one .zip holding them (folders inside the zip are ignored). Rows are upserted by id, and each month in costs.csv replaces that month's stored costs; `replace=true` swaps the whole stored ledger (costs included). An export (GET /api/export/backup.zip, runrate export) restores with `replace=true`: its files are checked against runrate-export.json and the CRM is replaced in the same transaction. 200 with the JSON of `runrate import --json`, or 422 with every error, and nothing stored.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<ContentHttpResult> Upload(
        HttpRequest request,
        [Description("true: replace the whole stored ledger; false (default): upsert rows by id.")] string? replace,
        LedgerStores stores,
        CancellationToken cancellationToken)
    {
        var replaceAll = replace switch
        {
            null or "" => false,
            _ when bool.TryParse(replace, out var value) => value,
            _ => throw ApiException.BadRequest("replace", $"expected true or false, found '{replace}'"),
        };
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "The request body has an unsupported content type.", ApiException.Single("body", Expected));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw ApiException.BadRequest("body", $"the multipart body cannot be read: {ex.Message}");
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw ApiException.BadRequest("body", $"the multipart body cannot be read: {ex.Message}");
        }

        var errors = new LedgerErrors(cap: 200);
        using var zip = OpenZip(form.Files, errors);
        var source = zip is null ? FromFiles(form.Files, errors) : FromZip(zip, errors);
        ImportResult? result = null;
        if (source is not null && !errors.Any)
        {
            using var store = stores.Open();
            result = BackupImport.Run(source, zip is null ? "the upload" : "the zip", store, replaceAll, errors).Ledger;
        }

        if (errors.Any)
        {
            throw Rejected(errors);
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ImportReport.Json(text, result, errors);
        return TypedResults.Text(text.ToString(), "application/json", Encoding.UTF8);
    }

    private static ApiException Rejected(LedgerErrors errors)
    {
        var byLocation = errors.Items
            .GroupBy(e => e.Line > 0 ? $"{e.File}:{e.Line}: {e.Column}" : $"{e.File}: {e.Column}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        var list = errors.Items.Select(e => new ImportErrorDto(e.File, e.Line, e.Column, e.Message)).ToList();
        return new ApiException(
            StatusCodes.Status422UnprocessableEntity,
            $"The ledger has {errors.Count} error(s); nothing was imported, the store is unchanged.",
            byLocation,
            new Dictionary<string, object?> { ["error_count"] = errors.Count, ["ledger_errors"] = list });
    }

    /// <summary>The uploaded zip, when the upload is one; null when it is CSV files.</summary>
    private static ZipArchive? OpenZip(IFormFileCollection files, LedgerErrors errors)
    {
        var zips = files.Where(IsZip).ToList();
        if (zips.Count == 0)
        {
            return null;
        }

        if (files.Count > 1)
        {
            throw ApiException.BadRequest("files", "send either one .zip or the CSV files, not both and not several zips");
        }

        try
        {
            return new ZipArchive(zips[0].OpenReadStream(), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            errors.Add(zips[0].FileName, 0, "file", $"is not a valid zip archive: {ex.Message}");
            return null;
        }
    }

    private static bool IsZip(IFormFile file) =>
        file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || string.Equals(file.ContentType, "application/zip", StringComparison.OrdinalIgnoreCase)
        || string.Equals(file.ContentType, "application/x-zip-compressed", StringComparison.OrdinalIgnoreCase);

    private static BackupSource? FromFiles(IFormFileCollection files, LedgerErrors errors)
    {
        if (errors.Any)
        {
            return null; // an unreadable zip was already reported
        }

        var found = new Dictionary<string, IFormFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Names.FirstOrDefault(n => string.Equals(Path.GetFileName(file.FileName), n, StringComparison.OrdinalIgnoreCase))
                ?? Names.FirstOrDefault(n => string.Equals(file.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(file.Name + ".csv", n, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName, 0, "file", $"unexpected file; {Expected}");
            }
            else if (!found.TryAdd(name, file))
            {
                errors.Add(name, 0, "file", "uploaded twice");
            }
        }

        return Source(found.ToDictionary(f => f.Key, f => (Func<Stream>)f.Value.OpenReadStream, StringComparer.OrdinalIgnoreCase), "the upload", errors);
    }

    private static BackupSource? FromZip(ZipArchive zip, LedgerErrors errors)
    {
        var found = new Dictionary<string, Func<Stream>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var entry in zip.Entries)
            {
                var name = Path.GetFileName(entry.FullName);
                if (name.Length == 0 || name.StartsWith("._", StringComparison.Ordinal) || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                {
                    continue; // folders and macOS metadata
                }

                var known = Names.FirstOrDefault(n => string.Equals(name, n, StringComparison.OrdinalIgnoreCase));
                if (known is not null && !found.TryAdd(known, () => new CappedStream(entry.Open(), MaxEntryBytes)))
                {
                    errors.Add(known, 0, "file", $"appears more than once in the zip ({entry.FullName})");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            errors.Add("ledger.zip", 0, "file", $"is not a valid zip archive: {ex.Message}");
            return null;
        }

        return Source(found, "the zip", errors);
    }

    private static BackupSource? Source(Dictionary<string, Func<Stream>> found, string where, LedgerErrors errors)
    {
        foreach (var required in Names.Take(2))
        {
            if (!found.ContainsKey(required))
            {
                errors.Add(required, 0, "file", $"not found in {where}; {Expected}");
            }
        }

        return errors.Any ? null : BackupSource.From(found.Select(f => (f.Key, f.Value)), errors);
    }

    /// <summary>Fails with an <see cref="IOException"/> (reported as a file error) once more than the cap has been read.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            return _read > cap ? throw new IOException($"expands to more than {cap / (1024 * 1024)} MB") : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>The file names of a ledger folder.</summary>
internal static class LedgerCsvNames
{
    public const string Customers = Ingest.Csv.LedgerCsvWriter.CustomersFileName;

    public const string Lines = Ingest.Csv.LedgerCsvWriter.LinesFileName;

    public const string Fx = Ingest.Csv.LedgerCsvWriter.FxFileName;

    public const string Costs = Ingest.Csv.LedgerCsvWriter.CostsFileName;
}
