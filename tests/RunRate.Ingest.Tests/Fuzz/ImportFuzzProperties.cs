using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Testing;
using static RunRate.Ingest.Tests.Fuzz.ImportOutcome;

namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>
/// Whatever bytes the ledger files hold, an import either commits or reports located errors and commits nothing; no
/// exception escapes. Seeds are fixed (<c>Replay</c>) so CI runs the same cases every time and a failure reproduces;
/// change the seed locally to explore further.
/// </summary>
public sealed class ImportFuzzProperties
{
    private static readonly byte[] ValidCustomers = Utf8(Customers);
    private static readonly byte[] ValidLines = Utf8(Lines);
    private static readonly byte[] ValidFx = Utf8(Fx);
    private static readonly byte[] ValidCosts = Utf8(Costs);

    [Fact]
    public void The_unmutated_ledger_imports()
    {
        var result = Check(ValidCustomers, ValidLines, ValidFx, ValidCosts);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
        Assert.Equal((3, 3L, 1, 1), (result.Customers, result.Lines, result.FxRates, result.Costs));
    }

    [Property(MaxTest = 300, Replay = "(20260901,11400714819323198485)")]
    public Property Random_bytes_in_any_file_give_located_errors_never_an_exception() =>
        Prop.ForAll(
            Gen.Choose(0, 3).SelectMany(file => FuzzBytes.Random.Select(bytes => (file, bytes))).ToArbitrary(),
            input =>
            {
                var files = new[] { ValidCustomers, ValidLines, ValidFx, ValidCosts };
                files[input.file] = input.bytes;
                Check(files[0], files[1], files[2], files[3]);
            });

    [Property(MaxTest = 600, Replay = "(4242,11400714819323198485)")]
    public Property Mutated_bytes_of_a_valid_ledger_give_located_errors_or_a_clean_import() =>
        Prop.ForAll(
            Gen.Choose(0, 3).SelectMany(file => FuzzBytes.Mutations(6).Select(mutations => (file, mutations))).ToArbitrary(),
            input =>
            {
                var files = new[] { ValidCustomers, ValidLines, ValidFx, ValidCosts };
                files[input.file] = FuzzBytes.Apply(files[input.file], input.mutations);
                Check(files[0], files[1], files[2], files[3]);
            });

    [Property(MaxTest = 200, Replay = "(77,11400714819323198485)")]
    public Property Mutations_in_every_file_at_once_never_commit_half_a_ledger() =>
        Prop.ForAll(
            Gen.ArrayOf(FuzzBytes.Mutations(3), 4).ToArbitrary(),
            mutations =>
            {
                var files = new[] { ValidCustomers, ValidLines, ValidFx, ValidCosts };
                for (var i = 0; i < files.Length; i++)
                {
                    files[i] = FuzzBytes.Apply(files[i], mutations[i]);
                }

                Check(files[0], files[1], files[2], files[3]);
            });
}
