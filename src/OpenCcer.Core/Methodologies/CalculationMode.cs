namespace OpenCcer.Core.Methodologies;

/// <summary>
/// Ex-ante: an estimate of expected annual reductions for a project design (no meters, no sampling
/// uncertainty). Ex-post: the claimed quantity of a monitoring report, computed from monitoring data.
/// </summary>
public enum CalculationMode
{
    ExPost = 0,
    ExAnte = 1,
}
