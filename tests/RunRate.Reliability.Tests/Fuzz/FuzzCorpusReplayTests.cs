using RunRate.Fuzz;

namespace RunRate.Reliability.Tests.Fuzz;

/// <summary>
/// Replays every saved fuzzing input (fuzz/corpus/TARGET: seeds; fuzz/regressions/TARGET: inputs that once broke a
/// parser) through the same target code fuzz/run.sh fuzzes, in-process and uninstrumented, so a fixed crash stays
/// fixed even where no fuzzer runs. A target throws only when the product broke its contract (an exception escaped,
/// or it committed despite errors, or gave an unlocated error).
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static readonly string FuzzFolder = Path.Combine(RepositoryRoot(), "fuzz");

    public static TheoryData<string, string> SavedInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in (string[])["corpus", "regressions"])
        {
            var folder = Path.Combine(FuzzFolder, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(FuzzFolder, file).Replace('\\', '/');
                data.Add(relative.Split('/')[1], relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SavedInputs))]
    public void Saved_fuzz_input_reads_into_values_or_located_errors_without_an_exception(string target, string input)
    {
        var run = FuzzTargets.Find(target);
        Assert.NotNull(run);

        run(File.ReadAllBytes(Path.Combine(FuzzFolder, input)));
    }

    [Fact]
    public void Every_fuzz_target_has_seed_inputs()
    {
        foreach (var target in FuzzTargets.Names)
        {
            var seeds = Path.Combine(FuzzFolder, "corpus", target);
            Assert.True(Directory.Exists(seeds) && Directory.EnumerateFiles(seeds).Any(), $"no seeds in {seeds}");
        }
    }

    [Fact]
    public void Csv_target_reports_a_commit_of_a_valid_ledger_and_none_of_a_broken_one()
    {
        // The contract checks inside the target must be able to fail: a valid ledger commits, a broken one does not,
        // and both return normally; an importer that committed a broken ledger would make the target throw.
        var valid = File.ReadAllBytes(Path.Combine(FuzzFolder, "corpus", "csv", "valid-all-files.csv"));
        var broken = File.ReadAllBytes(Path.Combine(FuzzFolder, "corpus", "csv", "errors-mixed.csv"));

        CsvTarget.Run(valid);
        CsvTarget.Run(broken);
        Assert.Throws<FuzzContractException>(() => CsvTarget.Run(broken, commitRegardless: true));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no RunRate.slnx above {AppContext.BaseDirectory}");
    }
}
