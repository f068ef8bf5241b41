namespace Fluxum.Trading;

/// <summary>A trading rule an order breaks, with the nearest value that would pass.</summary>
public sealed record RuleViolation(string Rule, string Field, string Message, decimal? NearestValid);
