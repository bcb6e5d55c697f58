using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Capture.Calendar;
using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using RunRate.Testing;

namespace RunRate.Capture.Tests.Fuzz;

/// <summary>
/// Random and mutated bytes of the e-mail and calendar fixtures, captured into a real store: a capture either reads
/// the file or reports an error naming it, no exception escapes, a file with an error stores nothing, and what is
/// stored is text every engine can keep (no NUL or other control characters in a subject). Seeds are fixed.
/// </summary>
public sealed class CaptureFuzzProperties : IDisposable
{
    private static readonly CalendarWindow Window = CalendarWindow.Around(new DateOnly(2026, 1, 15));
    private static readonly string[] MailFixtures = ["inbox.mbox", "multipart.eml", "html-only.eml"];
    private static readonly string[] CalendarFixtures = ["outlook.ics", "cancelled.ics"];

    private readonly CaptureStore _crm = new();

    public void Dispose() => _crm.Dispose();

    [Property(MaxTest = 200, Replay = "(1984,11400714819323198485)")]
    public Property Mutated_mail_gives_an_error_naming_the_file_or_a_clean_capture() =>
        Prop.ForAll(
            (from name in Gen.Elements(MailFixtures)
             from mutations in FuzzBytes.Mutations(5)
             from api in Gen.Elements(true, false)
             select (name, mutations, api)).ToArbitrary(),
            input => Check(input.name, FuzzBytes.Apply(File.ReadAllBytes(Fixtures.Path(input.name)), input.mutations), input.api, mail: true));

    [Property(MaxTest = 100, Replay = "(2001,11400714819323198485)")]
    public Property Mutated_calendars_give_an_error_naming_the_file_or_a_clean_capture() =>
        Prop.ForAll(
            (from name in Gen.Elements(CalendarFixtures)
             from mutations in FuzzBytes.Mutations(5)
             from api in Gen.Elements(true, false)
             select (name, mutations, api)).ToArbitrary(),
            input => Check(input.name, FuzzBytes.Apply(File.ReadAllBytes(Fixtures.Path(input.name)), input.mutations), input.api, mail: false));

    [Property(MaxTest = 100, Replay = "(1066,11400714819323198485)")]
    public Property Random_bytes_under_any_capture_name_never_throw() =>
        Prop.ForAll(
            (from name in Gen.Elements("random.eml", "random.mbox", "random.ics", "random.txt")
             from bytes in FuzzBytes.Random
             select (name, bytes)).ToArbitrary(),
            input => Check(input.name, input.bytes, api: true, mail: !input.name.EndsWith(".ics", StringComparison.Ordinal)));

    private void Check(string name, byte[] bytes, bool api, bool mail)
    {
        var before = _crm.Activities();
        var revision = _crm.Store.Revision();
        var options = CaptureStore.Options with { StoreCleanFilesDespiteErrors = !api };
        var file = new CaptureFile(name, () => new MemoryStream(bytes));

        var result = mail ? CaptureImport.Mail(_crm.Store, [file], options) : CaptureImport.Calendar(_crm.Store, [file], options, Window);

        foreach (var error in result.Errors)
        {
            Assert.Equal(name, error.File);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
            Assert.DoesNotContain('\0', error.ToString());
        }

        if (result.Errors.Count > 0)
        {
            Assert.Equal(0, result.Logged);
            Assert.Equal(before, _crm.Activities());
            Assert.Equal(revision, _crm.Store.Revision());
            return;
        }

        foreach (var activity in _crm.Activities())
        {
            Assert.DoesNotContain(activity.Subject, char.IsControl);
            Assert.DoesNotContain(activity.Body ?? "", c => char.IsControl(c) && c is not ('\n' or '\t'));
            Assert.DoesNotContain(activity.ExternalId ?? "", char.IsControl);
        }
    }
}
