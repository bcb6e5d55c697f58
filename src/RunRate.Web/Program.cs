using RunRate.Web;

// `dotnet run --project src/RunRate.Web -- --urls http://localhost:5080 --RunRate:Store ledger.db`;
// the CLI's `runrate serve` calls RunRateWebApp.Build the same way.
var app = RunRateWebApp.Build(args, new WebOptions());
app.Run();

/// <summary>The entry point, public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
