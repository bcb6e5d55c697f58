using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Validation;

/// <summary>
/// A revenue line's fields as text, as a <c>lines.csv</c> row or an API request carries them
/// (empty for absent values). Names follow the CSV columns.
/// </summary>
public sealed record LineFields(
    string LineId,
    string CustomerId,
    string Kind,
    string Product,
    string StartDate,
    string EndDate,
    string Amount,
    string Quantity,
    string Currency,
    string IntervalMonths);

/// <summary>
/// The rules of one revenue line (docs/ledger-format.md): required fields, strict dates and
/// decimals, end after start, one_time without end or interval, interval 1..120, amount ≥ 0,
/// quantity &gt; 0, a known ISO 4217 currency, an existing customer. The CSV importer and the web
/// API both validate through here, so a line is accepted or refused the same way, with the same
/// messages, whichever way it arrives.
/// </summary>
public static class LineRules
{
    /// <summary>
    /// Validates <paramref name="fields"/> (values are trimmed first) and returns the line, or null
    /// with every problem added to <paramref name="problems"/> in column order.
    /// </summary>
    public static RevenueLine? Validate(LineFields fields, Func<string, bool> customerKnown, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(customerKnown);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var id = fields.LineId.Trim();
        if (id.Length == 0)
        {
            problems.Add(new("line_id", "is required and must not be empty"));
        }

        var customer = fields.CustomerId.Trim();
        if (customer.Length == 0)
        {
            problems.Add(new("customer_id", "is required and must not be empty"));
        }
        else if (!customerKnown(customer))
        {
            problems.Add(new("customer_id", $"unknown customer '{FieldParser.Shorten(customer)}': not in customers.csv nor already stored"));
        }

        var kindText = fields.Kind.Trim();
        var kindOk = LineKinds.TryParse(kindText, out var kind);
        if (!kindOk)
        {
            problems.Add(new("kind", $"expected subscription, addon or one_time, found '{FieldParser.Shorten(kindText)}'"));
        }

        var startText = fields.StartDate.Trim();
        Add(problems, "start_date", FieldParser.Date(startText, out var start));
        DateOnly? end = null;
        var endText = fields.EndDate.Trim();
        if (endText.Length > 0)
        {
            if (Add(problems, "end_date", FieldParser.Date(endText, out var endDate)))
            {
                end = endDate;
                if (kindOk && kind == LineKind.OneTime)
                {
                    problems.Add(new("end_date", $"must be empty for a one_time line (it is a single charge on start_date), found {endText}"));
                }
                else if (endDate <= start && startText.Length > 0)
                {
                    problems.Add(new("end_date", $"must be after start_date ({startText}), found {endText}"));
                }
            }
        }

        var amountText = fields.Amount.Trim();
        if (Add(problems, "amount", FieldParser.Decimal(amountText, out var amount)) && amount < 0)
        {
            problems.Add(new("amount", $"must be 0 or more (the net price of one unit for one interval), found {amountText}"));
        }

        var quantity = 1m;
        var quantityText = fields.Quantity.Trim();
        if (quantityText.Length > 0 && Add(problems, "quantity", FieldParser.Decimal(quantityText, out quantity)) && quantity <= 0)
        {
            problems.Add(new("quantity", $"must be greater than 0 (leave empty for 1), found {quantityText}"));
        }

        Add(problems, "currency", FieldParser.Currency(fields.Currency.Trim(), out var currency));

        int? interval = null;
        var intervalText = fields.IntervalMonths.Trim();
        if (kindOk && kind == LineKind.OneTime)
        {
            if (intervalText.Length > 0)
            {
                problems.Add(new("interval_months", $"must be empty for a one_time line, found {FieldParser.Shorten(intervalText)}"));
            }
        }
        else if (kindOk && Add(problems, "interval_months", FieldParser.Interval(intervalText, out var months)))
        {
            interval = months;
        }

        if (problems.Count > before)
        {
            return null;
        }

        var product = fields.Product.Trim();
        return new RevenueLine(
            new LineId(id),
            new CustomerId(customer),
            kind,
            product.Length == 0 ? null : product,
            start,
            end,
            amount,
            quantity,
            currency,
            interval);
    }

    private static bool Add(ICollection<FieldProblem> problems, string field, string? error)
    {
        if (error is null)
        {
            return true;
        }

        problems.Add(new(field, error));
        return false;
    }
}
