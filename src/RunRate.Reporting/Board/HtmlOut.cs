using System.Text;

namespace RunRate.Reporting.Board;

/// <summary>A small HTML builder: every text is HTML-encoded, so ledger names cannot inject markup.</summary>
internal sealed class HtmlOut
{
    private readonly StringBuilder _html = new();

    /// <summary>Escapes the five characters that matter in text and attribute values; everything else stays as UTF-8.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Appends markup as is (only for the writer's own constant markup).</summary>
    public HtmlOut Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlOut Element(string tag, string? text, string? attributes = null)
    {
        _html.Append('<').Append(tag);
        if (attributes is not null)
        {
            _html.Append(' ').Append(attributes);
        }

        _html.Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An SVG document as an image whose source is a base64 data URI (self-contained; the chart cannot run script).</summary>
    public HtmlOut Svg(string svg, string alt)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        _html.Append("<img class=\"chart\" alt=\"").Append(E(alt)).Append("\" src=\"data:image/svg+xml;base64,").Append(data).Append("\">");
        return this;
    }

    /// <summary>
    /// A table: a header row, then rows whose first cell is a row header; cells are (text, field name or
    /// null, numeric). The field name goes to <c>data-field</c>, so tests and readers can find a figure.
    /// </summary>
    public HtmlOut Table(string caption, IEnumerable<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, string? id = null)
    {
        _html.Append("<table").Append(id is null ? "" : $" id=\"{E(id)}\"").Append("><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        var first = true;
        foreach (var h in headers)
        {
            _html.Append(first ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">").Append(E(h)).Append("</th>");
            first = false;
        }

        _html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var tag = i == 0 ? "th" : "td";
                _html.Append('<').Append(tag);
                if (i == 0)
                {
                    _html.Append(" scope=\"row\"");
                }
                else if (cell.Numeric)
                {
                    _html.Append(" class=\"num\"");
                }

                if (cell.Field is not null)
                {
                    _html.Append(" data-field=\"").Append(E(cell.Field)).Append('"');
                }

                _html.Append('>').Append(E(cell.Text)).Append("</").Append(tag).Append('>');
            }

            _html.Append("</tr>");
        }

        _html.Append("</tbody></table>");
        return this;
    }

    public override string ToString() => _html.ToString();
}

/// <summary>One table cell: its text, the JSON field it shows (or null), and whether it is a figure (right-aligned).</summary>
internal readonly record struct Cell(string Text, string? Field = null, bool Numeric = true)
{
    public static Cell Label(string text) => new(text, null, false);
}
