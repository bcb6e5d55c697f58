namespace RunRate.Capture.Billing;

/// <summary>
/// The body is not a Stripe event RunRate can read: not JSON, or a field it needs is missing or of
/// the wrong type. <see cref="Path"/> names the field the way the API names JSON fields
/// (<c>data.object.items.data[0].price.currency</c>; <c>body</c> for the document itself), so the
/// sender can see which one.
/// </summary>
public sealed class StripeEventFormatException : Exception
{
    /// <summary>Creates the exception for the field at <paramref name="path"/>.</summary>
    public StripeEventFormatException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>Creates the exception for the field at <paramref name="path"/>, keeping the parser's error.</summary>
    public StripeEventFormatException(string path, string message, Exception inner)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The JSON path of the field at fault, without the leading <c>$.</c>.</summary>
    public string Path { get; }
}
