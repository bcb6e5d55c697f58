using System.Collections.Immutable;
using System.Globalization;
using MimeKit;
using RunRate.Capture.Pipeline;

namespace RunRate.Capture.Mail;

/// <summary>
/// Reads an <c>.eml</c> file (one message) or an mbox archive (many) with MimeKit. A file is an mbox when
/// its first line is an mbox "From " separator, whatever its name; a file named <c>.mbox</c> must be one.
/// Any unreadable message makes the whole file an error, so a half-read mailbox is never stored.
/// </summary>
internal sealed class MailReader : ICaptureReader
{
    private static readonly byte[] FromMarker = "From "u8.ToArray();

    public FileRead Read(CaptureFile file)
    {
        try
        {
            using var stream = Seekable(file.Open());
            var head = new byte[FromMarker.Length];
            var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            var named = file.Name.EndsWith(".mbox", StringComparison.OrdinalIgnoreCase);
            if (got == FromMarker.Length && head.AsSpan().SequenceEqual(FromMarker))
            {
                return ReadMbox(file.Name, stream);
            }

            return got == 0 ? (named ? new FileRead([], 0, []) : FileRead.Failed(new CaptureError(file.Name, "", "the file is empty")))
                : named ? FileRead.Failed(new CaptureError(file.Name, "", "an mbox archive must start with a \"From \" line; this file does not"))
                : ReadEml(file.Name, stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileRead.Failed(new CaptureError(file.Name, "", $"cannot be read: {ex.Message}"));
        }
    }

    private static FileRead ReadEml(string name, Stream stream)
    {
        MimeMessage message;
        try
        {
            message = new MimeParser(stream, MimeFormat.Entity).ParseMessage();
        }
        catch (FormatException ex)
        {
            return FileRead.Failed(new CaptureError(name, "", $"is not an e-mail message: {ex.Message}"));
        }

        var item = ToItem(message, null, out var problem);
        return item is null ? FileRead.Failed(new CaptureError(name, "", problem!)) : new FileRead([item], 0, []);
    }

    private static FileRead ReadMbox(string name, Stream stream)
    {
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        var items = new List<CapturedItem>();
        var errors = new List<CaptureError>();
        var index = 0;
        while (!parser.IsEndOfStream)
        {
            index++;
            MimeMessage message;
            try
            {
                message = parser.ParseMessage();
            }
            catch (FormatException ex)
            {
                errors.Add(new CaptureError(name, $"message {index} (byte {parser.Position.ToString(CultureInfo.InvariantCulture)})", $"cannot be parsed: {ex.Message}"));
                break; // the parser cannot resynchronise after a failure
            }

            var item = ToItem(message, parser.MboxMarker, out var problem);
            if (item is null)
            {
                errors.Add(new CaptureError(name, $"message {index} (byte {parser.MboxMarkerOffset.ToString(CultureInfo.InvariantCulture)})", problem!));
            }
            else
            {
                items.Add(item);
            }
        }

        return errors.Count > 0 ? FileRead.Failed([.. errors]) : new FileRead(items, 0, []);
    }

    private static CapturedItem? ToItem(MimeMessage message, string? mboxFromLine, out string? problem)
    {
        var at = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date.ToUniversalTime() : MboxFromLine.Date(mboxFromLine);
        if (at is not { } when)
        {
            problem = message.Headers.Contains(HeaderId.Date)
                ? $"the Date header '{message.Headers[HeaderId.Date]?.Trim()}' is not a date, and no date is on an mbox From line"
                : "no Date header, and no date on an mbox From line";
            return null;
        }

        problem = null;
        var from = message.From.Mailboxes.Select(m => m.Address.ToLowerInvariant()).FirstOrDefault();
        var to = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address.ToLowerInvariant())
            .Where(a => !string.Equals(a, from, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var subject = CaptureText.Line(message.Subject, "(no subject)");
        var body = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Convert(html) : null);
        return new CapturedItem(ExternalId(message.MessageId, from, to, when, subject), when, subject, CaptureText.Body(body), from, to);
    }

    /// <summary>
    /// The normalized Message-ID (no angle brackets, lower case), or for a message without one a hash of
    /// what identifies it, so capturing it again still recognises it.
    /// </summary>
    internal static string ExternalId(string? messageId, string? from, IReadOnlyList<string> to, DateTimeOffset at, string subject)
    {
        var id = messageId?.Trim().Trim('<', '>').Trim().ToLowerInvariant();
        return !string.IsNullOrEmpty(id) ? id
            : "sha256:" + CaptureText.Sha256(string.Join('\n', from ?? "", string.Join(',', to), CaptureText.Stamp(at), subject));
    }

    /// <summary>Uploads may not seek; mbox detection peeks at the first bytes and then rewinds.</summary>
    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
    }
}
