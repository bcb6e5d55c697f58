using Xunit.Abstractions;
using Xunit.Sdk;

namespace RunRate.Storage.Tests.Access;

/// <summary>
/// A fact of the shared access-store suite. The suite is written once (<see cref="AccessStoreBehaviour"/>) and runs
/// in one class per engine; in a class that needs PostgreSQL (<see cref="INeedsPostgres"/>) the test is skipped
/// when <c>RUNRATE_TEST_POSTGRES</c> is not set (test.sh always sets it).
/// </summary>
[XunitTestCaseDiscoverer("RunRate.Storage.Tests.Access.AccessFactDiscoverer", "RunRate.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class whose store is on PostgreSQL.</summary>
public interface INeedsPostgres
{
}

/// <summary>Discovers <see cref="AccessFactAttribute"/> tests, skipping PostgreSQL classes without a server.</summary>
public sealed class AccessFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public const string Variable = "RUNRATE_TEST_POSTGRES";

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = typeof(INeedsPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (needsPostgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            yield return new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, $"{Variable} is not set (test.sh sets it)");
        }
        else
        {
            yield return new XunitTestCase(diagnostics, display, displayOptions, testMethod);
        }
    }
}
