using RunRate.Ingest;

namespace RunRate.Fuzz;

/// <summary>
/// The ledger import as <c>runrate import</c> runs it (<see cref="LedgerImport.Run"/>: the span CSV reader, the
/// header table, <c>LineFastPath</c> and the validation rules), on files cut out of one input, into a store that
/// only records what it was asked to write.
/// </summary>
/// <remarks>
/// The input is split at 0xFF bytes (never valid in UTF-8, so no real CSV holds one): part 1 is customers.csv,
/// part 2 lines.csv, part 3 fx.csv and part 4 costs.csv; the optional files are absent when the input has fewer
/// parts. Besides "no exception", it checks the all-or-nothing promise: a commit exactly when no error was
/// reported, and every error located in a file.
/// </remarks>
public static class CsvTarget
{
    /// <summary>The byte that separates the files in an input.</summary>
    public const byte Separator = 0xFF;

    /// <summary>Imports the files the input holds; throws only when the importer broke its contract.</summary>
    public static void Run(byte[] input) => Run(input, commitRegardless: false);

    /// <summary>
    /// As <see cref="Run(byte[])"/>; <paramref name="commitRegardless"/> makes the store claim a commit whatever
    /// happened, so a test can show the contract checks catch a broken all-or-nothing promise.
    /// </summary>
    internal static void Run(byte[] input, bool commitRegardless)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = Split(input);
        Func<Stream> Open(int i) => () => new MemoryStream(parts[i], writable: false);
        var source = new LedgerSource(
            Open(0),
            parts.Count > 1 ? Open(1) : () => new MemoryStream([], writable: false),
            parts.Count > 2 ? Open(2) : null,
            parts.Count > 3 ? Open(3) : null);

        // Ids starting with "stored" play customers already in the store, so lines may refer to them.
        var target = new RecordingImportTarget(id => id.StartsWith("stored", StringComparison.Ordinal), commitRegardless);
        var replace = input.Length > 0 && (input[0] & 1) == 1;
        var result = LedgerImport.Run(source, target, replace);
        target.Finish();

        if (result.Succeeded != target.Committed)
        {
            throw new FuzzContractException($"import {(result.Succeeded ? "succeeded" : "failed")} but the store was {(target.Committed ? "" : "not ")}committed");
        }

        if (!result.Succeeded && result.Errors.Items.Count == 0)
        {
            throw new FuzzContractException("the import failed without naming an error");
        }

        foreach (var error in result.Errors.Items)
        {
            if (string.IsNullOrEmpty(error.File) || error.Line < 0 || string.IsNullOrEmpty(error.Message))
            {
                throw new FuzzContractException($"an error without a location or message: {error}");
            }
        }

        if (result.Succeeded && (target.Lines != result.Lines || target.Customers != result.Customers))
        {
            throw new FuzzContractException($"the import reported {result.Customers} customers and {result.Lines} lines but wrote {target.Customers} and {target.Lines}");
        }
    }

    private static List<byte[]> Split(byte[] input)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i == input.Length || input[i] == Separator)
            {
                parts.Add(input[start..i]);
                start = i + 1;
            }
        }

        return parts;
    }
}
