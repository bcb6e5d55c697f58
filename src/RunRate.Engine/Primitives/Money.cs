using System.Globalization;

namespace RunRate.Engine.Primitives;

/// <summary>
/// An exact amount of one currency. Arithmetic between two currencies throws rather than silently
/// producing a meaningless sum: conversion is always explicit (see <c>FxTable</c>).
/// </summary>
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>Negates the amount.</summary>
    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    /// <summary>Adds (named alternative to the operator).</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts (named alternative to the operator).</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates (named alternative to the operator).</summary>
    public static Money Negate(Money value) => -value;

    /// <summary>
    /// The amount rounded to cents, half away from zero, as the contract requires for every shown figure.
    /// Rounding happens only here, at display time.
    /// </summary>
    public decimal RoundedToCents => Math.Round(Amount, 2, MidpointRounding.AwayFromZero);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RoundedToCents:0.00} {Currency}");

    private static CurrencyCode SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency} without an exchange rate.");
}
