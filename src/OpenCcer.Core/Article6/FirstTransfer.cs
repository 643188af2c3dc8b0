namespace OpenCcer.Core.Article6;

/// <summary>
/// When the "first transfer" of authorized units happens, the moment the corresponding adjustment applies
/// (Article 6.2 guidance, decision 2/CMA.3 annex para. 2(b)): at authorization, at issuance, at use or
/// cancellation for other international mitigation purposes, or at the first international transfer.
/// Values are stable: they are stored.
/// </summary>
public enum FirstTransfer
{
    Authorization = 1,
    Issuance = 2,
    UseOrCancellation = 3,
    InternationalTransfer = 4,
}
