namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// One monitoring period of metered electricity, both dates inclusive. Energies in MWh at the grid
/// connection point. <see cref="Meter"/> is null only for ex-ante estimates.
/// </summary>
public sealed record PowerPeriod(DateOnly Start, DateOnly End, decimal ExportMwh, decimal ImportMwh, MeterState? Meter);
