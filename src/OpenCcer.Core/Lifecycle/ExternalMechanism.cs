namespace OpenCcer.Core.Lifecycle;

/// <summary>Other GHG crediting mechanisms a project may have been registered in. Values are stable.</summary>
public enum ExternalMechanism
{
    Other = 0,
    Cdm = 1,
    Vcs = 2,
    GoldStandard = 3,
}
