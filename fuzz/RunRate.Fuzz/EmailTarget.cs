using RunRate.Capture.Mail;
using RunRate.Capture.Pipeline;

namespace RunRate.Fuzz;

/// <summary>
/// Mail capture's reader (MimeKit underneath) on one input, read twice: as an <c>.eml</c> upload and as an
/// <c>.mbox</c> archive, since the name decides what a file that does not start with "From " must be.
/// </summary>
public static class EmailTarget
{
    /// <summary>Reads the input both ways; throws only when the reader broke its contract.</summary>
    public static void Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new MailReader();
        foreach (var name in (string[])["fuzz.eml", "fuzz.mbox"])
        {
            var read = reader.Read(new CaptureFile(name, () => new MemoryStream(input, writable: false)));
            CaptureChecks.Check(read, name);
        }
    }
}
