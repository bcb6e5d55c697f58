using System.Collections.Immutable;
using RunRate.Capture.Matching;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Capture.Tests.Matching;

public sealed class AddressMatcherTests
{
    private static readonly CustomerId Acme = new("C1");
    private static readonly CustomerId Globex = new("C2");
    private static readonly CustomerId Initech = new("C3");

    private static AddressMatcher Matcher(params string[] own) => new(
        [
            new Contact(new ContactId("ct_jane"), Acme, "Jane", "jane@acme.com", null, null),
            new Contact(new ContactId("ct_peter"), Initech, "Peter", "Peter@Acme.com", null, null),
            new Contact(new ContactId("ct_bob"), Globex, "Bob", "bob@partner.io", null, null),
            new Contact(new ContactId("ct_nomail"), Globex, "No mail", null, null, null),
        ],
        [
            new AccountProfile(Acme, ["acme.com"]),
            new AccountProfile(Globex, ["GLOBEX.com", "globex.de"]),
            new AccountProfile(Initech, ["initech.com"]),
        ],
        own);

    [Fact]
    public void A_contact_address_gives_its_account_and_contact_whatever_the_case()
    {
        Matcher().Match(["JANE@ACME.COM"]).ShouldBe([new AccountMatch(Acme, new ContactId("ct_jane"))]);
        Matcher().Match(["<Bob@Partner.IO>"]).ShouldBe([new AccountMatch(Globex, new ContactId("ct_bob"))]);
    }

    [Fact]
    public void A_contact_match_beats_a_domain_match()
    {
        // peter@acme.com is at Acme's domain but is Initech's contact: Initech only.
        Matcher().Match(["peter@acme.com"]).ShouldBe([new AccountMatch(Initech, new ContactId("ct_peter"))]);
    }

    [Fact]
    public void An_unknown_address_at_an_account_domain_gives_the_account_without_contact()
    {
        Matcher().Match(["ceo@acme.com"]).ShouldBe([new AccountMatch(Acme, null)]);
        Matcher().Match(["ops@globex.de"]).ShouldBe([new AccountMatch(Globex, null)]);
    }

    [Theory]
    [InlineData("ops@eu.acme.com")]
    [InlineData("x@mail.eu.acme.com")]
    [InlineData("X@EU.ACME.COM.")]
    public void Subdomains_match_their_parent_domain(string address) =>
        Matcher().Match([address]).ShouldBe([new AccountMatch(Acme, null)]);

    [Theory]
    [InlineData("someone@notacme.com")]
    [InlineData("someone@acme.com.evil.org")]
    [InlineData("not-an-address")]
    [InlineData("")]
    [InlineData(null)]
    public void Lookalike_and_malformed_addresses_match_nothing(string? address) =>
        Matcher().Match([address]).ShouldBeEmpty();

    [Fact]
    public void Own_domains_and_their_subdomains_are_ignored_even_for_contacts()
    {
        var matcher = Matcher("runrate.io", "acme.com");
        matcher.Match(["me@runrate.io", "team@sales.runrate.io", "jane@acme.com", "ceo@eu.acme.com"]).ShouldBeEmpty();
        matcher.IsOwn("ME@RunRate.IO").ShouldBeTrue();
        matcher.IsOwn("me@runrate.io.example.com").ShouldBeFalse();
    }

    [Fact]
    public void Several_accounts_are_each_matched_once_in_order_of_first_address()
    {
        var found = Matcher("runrate.io").Match(["me@runrate.io", "ops@globex.com", "ceo@acme.com", "bob@partner.io", "jane@acme.com"]);

        // Globex first reached by domain takes Bob as its contact; Acme takes Jane.
        found.ShouldBe([new AccountMatch(Globex, new ContactId("ct_bob")), new AccountMatch(Acme, new ContactId("ct_jane"))]);
    }

    [Fact]
    public void The_most_specific_account_domain_wins()
    {
        var matcher = new AddressMatcher([], [new AccountProfile(Acme, ["acme.com"]), new AccountProfile(Globex, ["eu.acme.com"])], []);
        matcher.Match(["x@de.eu.acme.com"]).ShouldBe([new AccountMatch(Globex, null)]);
        matcher.Match(["x@us.acme.com"]).ShouldBe([new AccountMatch(Acme, null)]);
    }

    [Fact]
    public void A_domain_shared_by_two_accounts_matches_both()
    {
        var matcher = new AddressMatcher([], [new AccountProfile(Globex, ["shared.com"]), new AccountProfile(Acme, ["shared.com"])], []);
        matcher.Match(["x@shared.com"]).ShouldBe([new AccountMatch(Acme, null), new AccountMatch(Globex, null)]);
    }

    [Fact]
    public void Mailto_uris_from_calendars_are_addresses()
    {
        Matcher().Match(["mailto:Jane@Acme.com"]).ShouldBe([new AccountMatch(Acme, new ContactId("ct_jane"))]);
        EmailAddresses.NormalizeDomain("@ACME.com.").ShouldBe("acme.com");
        EmailAddresses.NormalizeDomain("a b.com").ShouldBeNull();
        ImmutableArray.CreateRange(EmailAddresses.SelfAndParents("a.eu.acme.com")).ShouldBe(["a.eu.acme.com", "eu.acme.com", "acme.com", "com"]);
    }
}
