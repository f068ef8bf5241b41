using Fluxum.Errors;

namespace Fluxum.Engine.Json;

/// <summary>
/// A value in an exchange's answer that cannot be right: missing, of the wrong type, out of range, below zero
/// where nothing can be. Names the field by its place in the answer ("bids[3][0]", "result.XXBTZUSD.c[0]") and,
/// once known, the exchange and what the answer was to.
/// </summary>
internal sealed class InvalidFieldException : FxException
{
    public const string Id = "Fluxum.UnexpectedResponse";

    public InvalidFieldException(string field, string problem, AnswerSource? source, string? row = null)
        : base(Id, FxErrorKind.InvalidResult, Describe(field, problem, source, row), source?.Exchange)
    {
        Field = field;
        Problem = problem;
        Answer = source;
        Row = row;
    }

    /// <summary>Where the value sits in the answer; empty for the answer as a whole.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it: "is missing", "is \"abc\", not a number", "is -5, below zero".</summary>
    public string Problem { get; }

    /// <summary>Who sent the answer and to what, when known.</summary>
    public AnswerSource? Answer { get; }

    /// <summary>The row of a list answer that was left out because of this value (its place: "[3]", "result.XXBTZUSD").</summary>
    public string? Row { get; }

    /// <summary>The same error, said to be about a row that was left out of a list while the other rows were kept.</summary>
    public InvalidFieldException LeftOutRow(string row) => new(Field, Problem, Answer, row);

    private static string Describe(string field, string problem, AnswerSource? source, string? row)
    {
        var what = field.Length == 0 ? "the answer " + problem : field + " " + problem;
        var who = source?.ToString() ?? "The exchange's answer";
        return row is null
            ? $"{who} cannot be right: {what}."
            : $"{who}: row {row} is left out, as {what}.";
    }
}
