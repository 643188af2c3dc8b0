namespace OpenCcer.Storage.People;

/// <summary>What a maker-checker request changes. Values are stored: never renumber.</summary>
public enum ChangeRequestKind
{
    Cancellation = 1,
    AccountState = 2,
}
