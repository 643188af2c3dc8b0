namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// Result of a forestry calculation, with every intermediate value:
/// net = ΔC_actual − uncertainty deduction + sediment − baseline − leakage, where
/// ΔC_actual = current stock − previous stock. Ex-post rounds the net for the interval; ex-ante
/// rounds <see cref="AnnualAverageTco2e"/> = net / interval years (expected annual reductions).
/// </summary>
public sealed record ForestryResult(
    string MethodologyCode,
    CalculationMode Mode,
    DateOnly IntervalStart,
    DateOnly IntervalEnd,
    decimal IntervalYears,
    StockEstimate? PreviousStock,
    StockEstimate CurrentStock,
    decimal ActualStockChangeTco2e,
    SamplingUncertainty? Uncertainty,
    decimal UncertaintyDeductionTco2e,
    SedimentPool? Sediment,
    decimal BaselineTco2e,
    decimal LeakageTco2e,
    decimal NetTco2e,
    decimal AnnualAverageTco2e,
    RoundingStep Rounding,
    IReadOnlyList<string> Notes)
    : ReductionResult(MethodologyCode, Mode, Rounding, Notes);
