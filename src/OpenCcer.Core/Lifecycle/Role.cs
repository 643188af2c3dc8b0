namespace OpenCcer.Core.Lifecycle;

/// <summary>The role an actor acts in. Values are stable: append, never renumber.</summary>
public enum Role
{
    Public = 0,
    ProjectOwner = 1,
    Vvb = 2,
    RegistryAdministrator = 3,
    TradingParticipant = 4,
    ExchangeOperator = 5,
    Regulator = 6,
}
