namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// One period's audit trail: raw readings, the meter correction, corrected readings, net export
/// EG_PJ = export × (1 − e) − import × (1 + e), the factor and the baseline BE = EG_PJ × EF_CM.
/// </summary>
public sealed record PowerPeriodResult(
    DateOnly Start,
    DateOnly End,
    decimal ExportMwh,
    decimal ImportMwh,
    MeterCorrection Correction,
    decimal ExportCorrectedMwh,
    decimal ImportCorrectedMwh,
    decimal NetExportMwh,
    EmissionFactorUsed Factor,
    decimal BaselineTco2);
