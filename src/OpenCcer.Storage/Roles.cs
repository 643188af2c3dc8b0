namespace OpenCcer.Storage;

/// <summary>Role names carried by API keys and people; one meaning each (see docs/GLOSSARY.md).</summary>
public static class Roles
{
    public const string RegistryAdministrator = "registry-administrator";
    public const string Regulator = "regulator";
    public const string ExchangeOperator = "exchange-operator";
    public const string Participant = "participant";
    public const string ProjectOwner = "project-owner";
    public const string Vvb = "vvb";

    public static readonly IReadOnlyList<string> All = [RegistryAdministrator, Regulator, ExchangeOperator, Participant, ProjectOwner, Vvb];
}
