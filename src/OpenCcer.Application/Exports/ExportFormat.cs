namespace OpenCcer.Application.Exports;

/// <summary>File formats of the public exports.</summary>
public enum ExportFormat
{
    Csv = 1,
    Json = 2,
    Xlsx = 3,
}
