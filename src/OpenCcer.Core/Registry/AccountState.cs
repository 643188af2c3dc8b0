namespace OpenCcer.Core.Registry;

/// <summary>
/// Active accounts send and receive. Restricted accounts receive but cannot send, reserve or cancel.
/// Closed accounts do neither and never reopen; only an empty account can be closed.
/// </summary>
public enum AccountState
{
    Active = 1,
    Restricted = 2,
    Closed = 3,
}
