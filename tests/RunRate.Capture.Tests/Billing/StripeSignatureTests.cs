using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RunRate.Capture.Billing;
using Shouldly;

namespace RunRate.Capture.Tests.Billing;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_5f2b8c1d9e";
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","object":"event","type":"invoice.paid"}""");
    private readonly FakeTimeProvider _clock = new(Now);

    private static long T => Now.ToUnixTimeSeconds();

    [Fact]
    public void The_signature_is_an_HMAC_SHA256_of_the_timestamp_a_dot_and_the_raw_body_keyed_with_the_whole_secret()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.UTF8.GetBytes($"{T}."), .. Body]));

        StripeSignature.Sign(Secret, T, Body).ShouldBe($"t={T},v1={expected}");
        Verify($"t={T},v1={expected}").Status.ShouldBe(SignatureStatus.Valid);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_a_mismatch()
    {
        var check = Verify(StripeSignature.Sign("whsec_someone_else", T, Body));

        check.Status.ShouldBe(SignatureStatus.Mismatch);
        check.Detail.ShouldContain("configured secret");
    }

    [Fact]
    public void A_body_changed_after_signing_is_a_mismatch()
    {
        var header = StripeSignature.Sign(Secret, T, Body);
        var tampered = Encoding.UTF8.GetBytes("""{"id":"evt_1","object":"event","type":"invoice.paid" }""");

        StripeSignature.Verify(header, tampered, Secret, _clock).Status.ShouldBe(SignatureStatus.Mismatch);
    }

    [Fact]
    public void A_changed_timestamp_is_a_mismatch_because_it_is_signed_too()
    {
        var header = StripeSignature.Sign(Secret, T, Body).Replace($"t={T}", $"t={T - 1}", StringComparison.Ordinal);

        Verify(header).Status.ShouldBe(SignatureStatus.Mismatch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_header_is_missing(string? header) => Verify(header).Status.ShouldBe(SignatureStatus.Missing);

    [Theory]
    [InlineData("sha256=abc")]
    [InlineData("t=1768478400")]
    [InlineData("v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=yesterday,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=1768478400,v1=5257a869")]
    [InlineData("t=1768478400,v1=zz57a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=1768478400,v0=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    public void A_header_without_a_timestamp_and_a_v1_signature_is_malformed(string header)
    {
        var check = Verify(header);

        check.Status.ShouldBe(SignatureStatus.Malformed);
        check.Detail.ShouldContain("t=<unix seconds>");
    }

    [Theory]
    [InlineData(-300, SignatureStatus.Valid)]
    [InlineData(-301, SignatureStatus.Stale)]
    [InlineData(300, SignatureStatus.Valid)]
    [InlineData(301, SignatureStatus.Stale)]
    [InlineData(-86_400, SignatureStatus.Stale)]
    public void Timestamps_more_than_five_minutes_away_either_way_are_stale(int offsetSeconds, SignatureStatus expected)
    {
        var check = Verify(StripeSignature.Sign(Secret, T + offsetSeconds, Body));

        check.Status.ShouldBe(expected);
        if (expected == SignatureStatus.Stale)
        {
            check.Detail.ShouldContain(offsetSeconds < 0 ? "old" : "in the future");
        }
    }

    [Fact]
    public void A_stale_timestamp_with_a_wrong_signature_is_a_mismatch_not_stale()
    {
        Verify(StripeSignature.Sign("whsec_other", T - 3600, Body)).Status.ShouldBe(SignatureStatus.Mismatch);
    }

    [Fact]
    public void One_matching_v1_among_several_is_enough_as_while_a_secret_is_rolled()
    {
        var good = StripeSignature.Sign(Secret, T, Body).Split(",v1=")[1];
        var old = StripeSignature.Sign("whsec_old_secret", T, Body).Split(",v1=")[1];

        Verify($"t={T},v1={old},v1={good},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39").Status.ShouldBe(SignatureStatus.Valid);
        Verify($"t={T}, v1={good.ToUpperInvariant()}, v1={old}").Status.ShouldBe(SignatureStatus.Valid);
        Verify($"t={T},v1={old},v1={old}").Status.ShouldBe(SignatureStatus.Mismatch);
    }

    private SignatureCheck Verify(string? header) => StripeSignature.Verify(header, Body, Secret, _clock);
}
