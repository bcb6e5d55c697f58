using System.CommandLine;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Cli.Common;

/// <summary>The options of the CRM reports (sales, renewals, signals): store, currency and output format; they read the ledger and the CRM together.</summary>
internal sealed class CrmReportOptions
{
    private readonly Option<CurrencyCode> _currency = Options.Currency();
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = Options.Csv();

    public void AddTo(Command command)
    {
        command.Options.Add(_currency);
        command.Options.Add(_db);
        Options.AddFormats(command, _json, _csv);
    }

    public CurrencyCode Currency(ParseResult parse) => parse.GetValue(_currency);

    public OutputFormat Format(ParseResult parse) =>
        parse.GetValue(_json) ? OutputFormat.Json : parse.GetValue(_csv) ? OutputFormat.Csv : OutputFormat.Table;

    /// <summary>The ledger alone, for reports that need no CRM records.</summary>
    public RevenueLedger LoadLedger(CliContext context, ParseResult parse) => LedgerAccess.Load(context, parse.GetValue(_db));

    /// <summary>The ledger and the CRM snapshot of the store.</summary>
    public (RevenueLedger Ledger, CrmData Crm) Load(CliContext context, ParseResult parse)
    {
        using var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false);
        return (store.Load(), store.Crm.Load());
    }
}
