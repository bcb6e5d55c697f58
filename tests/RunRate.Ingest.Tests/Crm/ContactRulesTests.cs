using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using Shouldly;

namespace RunRate.Ingest.Tests.Crm;

public sealed class ContactRulesTests
{
    private static readonly Func<string, bool> OnlyAcme = id => id == "ACME";

    [Fact]
    public void A_valid_contact_is_trimmed_and_its_email_lower_cased()
    {
        var problems = new List<FieldProblem>();
        var contact = ContactRules.Validate(new ContactFields(" ct_1 ", "ACME", " Jane Doe ", " Jane.Doe@ACME.com ", " +1 555 0100 ", ""), OnlyAcme, problems);

        problems.ShouldBeEmpty();
        contact.ShouldNotBeNull();
        contact.Id.Value.ShouldBe("ct_1");
        contact.Name.ShouldBe("Jane Doe");
        contact.Email.ShouldBe("jane.doe@acme.com");
        contact.Phone.ShouldBe("+1 555 0100");
        contact.Role.ShouldBeNull();
    }

    [Theory]
    [InlineData("jane@acme")]
    [InlineData("jane.acme.com")]
    [InlineData("jane@@acme.com")]
    [InlineData("jane doe@acme.com")]
    [InlineData(".jane@acme.com")]
    [InlineData("jane..doe@acme.com")]
    [InlineData("jane@-acme.com")]
    [InlineData("jane@acme.c0m")]
    [InlineData("@acme.com")]
    public void A_malformed_email_is_refused_naming_the_field(string email)
    {
        var problems = new List<FieldProblem>();
        ContactRules.Validate(new ContactFields("ct_1", "ACME", "Jane", email, null, null), OnlyAcme, problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().Field.ShouldBe("email");
        problems[0].Message.ShouldContain(email);
    }

    [Theory]
    [InlineData("jane+crm@acme.co.uk")]
    [InlineData("o'brien@sub-domain.acme.io")]
    public void Ordinary_addresses_pass(string email)
    {
        var problems = new List<FieldProblem>();
        ContactRules.Validate(new ContactFields("ct_1", "ACME", "Jane", email, null, null), OnlyAcme, problems).ShouldNotBeNull();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = new List<FieldProblem>();
        ContactRules.Validate(new ContactFields(" ", "NOPE", "  ", "x", null, null), OnlyAcme, problems).ShouldBeNull();

        problems.Select(p => p.Field).ShouldBe(["contact_id", "account_id", "name", "email"]);
        problems[1].Message.ShouldContain("unknown account 'NOPE'");
    }

    [Fact]
    public void Domains_are_normalised_once_each_and_bad_ones_named()
    {
        var problems = new List<FieldProblem>();
        AccountRules.Domains(["ACME.com", "@acme.com", "acme.co.uk"], problems).ShouldBe(["acme.com", "acme.co.uk"]);
        problems.ShouldBeEmpty();

        AccountRules.Domains(["acme.com", "acme", "http://acme.com"], problems).ShouldBeNull();
        problems.Select(p => p.Message).ShouldBe(["expected a domain such as acme.com, found 'acme'", "expected a domain such as acme.com, found 'http://acme.com'"]);
    }

    [Fact]
    public void Generated_ids_are_short_prefixed_url_safe_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => NewIds.Contact()).ToList();
        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(1000);
        ids.ShouldAllBe(id => id.Length == 13 && id.StartsWith("ct_", StringComparison.Ordinal) && id.Skip(3).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        NewIds.Deal().ShouldStartWith("dl_");
        NewIds.Activity().ShouldStartWith("ac_");
    }
}
