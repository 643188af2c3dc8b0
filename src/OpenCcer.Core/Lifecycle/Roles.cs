namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The one role vocabulary: the stable names that API keys, people and authorization policies carry for
/// each <see cref="Role"/> (see docs/GLOSSARY.md). <see cref="Participant"/> is the older generic name of
/// a trading participant on API keys; it means the same role.
/// </summary>
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

    /// <summary>The names of the roles that hold units in their own subject's accounts (<see cref="HoldsAccounts(Role)"/>).</summary>
    public static readonly IReadOnlyList<string> AccountHolders = [Participant, ProjectOwner, Vvb, TradingParticipant];

    /// <summary>The role a name stands for; <see cref="Role.Public"/> for no name or an unknown one.</summary>
    public static Role Of(string? name) => name switch
    {
        RegistryAdministrator => Role.RegistryAdministrator,
        Regulator => Role.Regulator,
        ExchangeOperator => Role.ExchangeOperator,
        Participant or TradingParticipant => Role.TradingParticipant,
        ProjectOwner => Role.ProjectOwner,
        Vvb => Role.Vvb,
        _ => Role.Public,
    };

    /// <summary>The name of a role (a trading participant's is <see cref="TradingParticipant"/>); empty for the public.</summary>
    public static string NameOf(Role role) => role switch
    {
        Role.RegistryAdministrator => RegistryAdministrator,
        Role.Regulator => Regulator,
        Role.ExchangeOperator => ExchangeOperator,
        Role.TradingParticipant => TradingParticipant,
        Role.ProjectOwner => ProjectOwner,
        Role.Vvb => Vvb,
        _ => "",
    };

    /// <summary>
    /// Roles that hold units in their own subject's accounts and act on them: project owners, VVBs and
    /// trading participants (the older generic participant name among them).
    /// </summary>
    public static bool HoldsAccounts(Role role) => role is Role.ProjectOwner or Role.Vvb or Role.TradingParticipant;

    public static bool HoldsAccounts(string role) => HoldsAccounts(Of(role));
}
