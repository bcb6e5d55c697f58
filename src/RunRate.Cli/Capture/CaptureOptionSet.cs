using System.CommandLine;
using System.Globalization;
using RunRate.Capture.Matching;
using RunRate.Capture.Pipeline;
using RunRate.Cli.Common;
using RunRate.Storage;

namespace RunRate.Cli.Capture;

/// <summary>The arguments and options both capture commands share, with the code that reads them.</summary>
internal sealed class CaptureOptionSet(string pathsName, string pathsDescription)
{
    /// <summary>The environment form of the <c>RunRate:Capture:OwnDomains</c> setting the server reads, so both agree.</summary>
    public const string OwnDomainsVariable = "RunRate__Capture__OwnDomains";

    private readonly Argument<string[]> _paths = new(pathsName) { Description = pathsDescription, Arity = ArgumentArity.OneOrMore };
    private readonly Option<string[]> _ignore = new("--ignore-domain")
    {
        Description = $"Your own e-mail domain (repeatable; subdomains included): its addresses never decide an account. Also ${OwnDomainsVariable}",
        HelpName = "DOMAIN",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public static Option<DateOnly?> Day(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name}: expected a date YYYY-MM-DD, found '{text}'");
            return null;
        },
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_paths);
        command.Options.Add(_ignore);
        command.Options.Add(_db);
        command.Options.Add(_json);
    }

    public bool Json(ParseResult parse) => parse.GetValue(_json);

    /// <summary>
    /// The files to read: each path as given, and for a folder every file with one of the extensions inside
    /// it (subfolders included), in name order. Every path is checked before anything is read, so a typo
    /// stores nothing.
    /// </summary>
    public IReadOnlyList<CaptureFile> Files(ParseResult parse, string[] extensions)
    {
        var files = new List<CaptureFile>();
        var missing = new List<string>();
        foreach (var path in parse.GetValue(_paths) ?? [])
        {
            if (File.Exists(path))
            {
                files.Add(FromPath(path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                files.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal)
                    .Select(f => FromPath(f, Path.GetRelativePath(root, f))));
            }
            else
            {
                missing.Add(path);
            }
        }

        return missing.Count > 0
            ? throw new CliException($"not found: {string.Join(", ", missing)}; nothing was captured", ExitCodes.NotFound)
            : files;
    }

    public CaptureOptions CaptureOptions(ParseResult parse, CliContext context)
    {
        var (domains, invalid) = OwnDomains.Parse([.. parse.GetValue(_ignore) ?? [], context.Environment(OwnDomainsVariable)]);
        if (invalid.Count > 0)
        {
            throw new CliException($"--ignore-domain: expected a domain such as example.com, found '{invalid[0]}'", ExitCodes.Usage);
        }

        return new CaptureOptions { OwnDomains = domains, StoreCleanFilesDespiteErrors = true };
    }

    public CaptureResult WithStore(CliContext context, ParseResult parse, Func<ILedgerStore, CaptureResult> capture)
    {
        using var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false);
        try
        {
            return capture(store);
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, ExitCodes.StoreError);
        }
    }

    private static CaptureFile FromPath(string path, string name) => new(name, () => File.OpenRead(path));
}
