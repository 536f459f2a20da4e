namespace Kolla.Templates.Jinja;

/// <summary>Where a <see cref="RenderBudget"/> stood when a nested evaluation started (see <see cref="RenderBudget.Mark"/>).</summary>
internal readonly record struct BudgetMark(long Iterations, int Depth, int Peak);
