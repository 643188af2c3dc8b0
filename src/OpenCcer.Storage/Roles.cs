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
    public const string TradingParticipant = "trading-participant";

    public static readonly IReadOnlyList<string> All =
        [RegistryAdministrator, Regulator, ExchangeOperator, Participant, ProjectOwner, Vvb, TradingParticipant];

    /// <summary>The roles an organisation can have; every person and key of it acts in that one role.</summary>
    public static readonly IReadOnlyList<string> OrganisationRoles =
        [RegistryAdministrator, ProjectOwner, Vvb, TradingParticipant, ExchangeOperator, Regulator];

    /// <summary>
    /// Roles that hold units in their own subject's accounts and act on them: the older generic
    /// participant of API keys, and the organisation roles of project owners, VVBs and trading participants.
    /// </summary>
    public static readonly IReadOnlyList<string> AccountHolders = [Participant, ProjectOwner, Vvb, TradingParticipant];

    public static bool HoldsAccounts(string role) => AccountHolders.Contains(role);
}
