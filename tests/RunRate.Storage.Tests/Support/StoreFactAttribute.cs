using Xunit.Abstractions;
using Xunit.Sdk;

namespace RunRate.Storage.Tests.Support;

/// <summary>Marks a test class whose store tests run on PostgreSQL (skipped when <c>RUNRATE_TEST_POSTGRES</c> is unset).</summary>
public interface IRunsOnPostgres
{
}

/// <summary>
/// A store test of a generic suite: it runs on every engine subclass, and on a PostgreSQL subclass
/// (<see cref="IRunsOnPostgres"/>) it is skipped when no test server is given.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("RunRate.Storage.Tests.Support.StoreFactDiscoverer", "RunRate.Storage.Tests")]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>A test that needs PostgreSQL: skipped when <c>RUNRATE_TEST_POSTGRES</c> is unset (test.sh always sets it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresEngine.Server is null)
        {
            Skip = $"{PostgresEngine.Variable} is not set (./test.sh starts a throwaway server and sets it).";
        }
    }
}

/// <summary>Finds <see cref="StoreFactAttribute"/> tests, skipping those of PostgreSQL classes without a server.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        var onPostgres = typeof(IRunsOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (onPostgres && PostgresEngine.Server is null)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, $"{PostgresEngine.Variable} is not set (./test.sh starts a throwaway server and sets it).")];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, options, testMethod)];
    }
}
