using System.Text;
using MimeKit.Text;

namespace RunRate.Capture.Mail;

/// <summary>
/// The readable text of an HTML-only message, for its activity body: text content with line breaks at
/// block elements, scripts and styles dropped. A preview for people, not a faithful rendering.
/// </summary>
internal static class HtmlText
{
    public static string Convert(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var skipping = false;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI
                    or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.BlockQuote or HtmlTagId.Table:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when !skipping:
                    text.Append(data.Data);
                    break;
            }
        }

        // Collapse the source's layout whitespace within lines, keep the block breaks.
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[])[' ', '\t', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }
}
