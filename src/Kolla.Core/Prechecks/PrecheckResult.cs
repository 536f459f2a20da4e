namespace Kolla.Prechecks;

/// <summary>One finding of <see cref="PrecheckRunner"/>.</summary>
/// <param name="Check">Which check: <c>addresses</c>, <c>inventory</c>, <c>passwords</c>, <c>unimplemented</c>, <c>plan</c>, <c>docker</c> or <c>ports</c>.</param>
/// <param name="Status">Passed, warning, failed or skipped.</param>
/// <param name="Message">One line naming what to fix and where (file, key, host).</param>
/// <param name="Host">The host it concerns, or null for the whole deployment.</param>
public sealed record PrecheckResult(string Check, PrecheckStatus Status, string Message, string? Host = null);
