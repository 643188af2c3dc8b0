namespace OpenCcer.Server.Imports;

/// <summary>The monitoring files the import reads; shown by the job endpoints as <c>meter_readings</c> or <c>sample_plots</c>.</summary>
public enum ImportKind
{
    /// <summary>Meter readings for the grid-connected power methodologies (one period per row).</summary>
    MeterReadings = 1,

    /// <summary>Sample plots for the afforestation and mangrove methodologies (one tree per row).</summary>
    SamplePlots = 2,
}
