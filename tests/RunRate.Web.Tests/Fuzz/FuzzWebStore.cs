using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Fuzz;

/// <summary>The random-small sample ledger behind the API, shared by the body fuzz tests of one class.</summary>
public sealed class FuzzWebStore : WebStore
{
    public FuzzWebStore()
        : base("random-small")
    {
    }

    /// <summary>The store's revision, read straight from the store (not through the API under test).</summary>
    public long Revision()
    {
        using var store = OpenStore();
        return store.Revision();
    }
}
