using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Article6;

/// <summary>
/// The registry administrator's authorization of one instrument (project × vintage) for international
/// use, under <see cref="Reference"/> (the host-country letter), with its first-transfer definition.
/// </summary>
public sealed record Authorization(Instrument Instrument, string Reference, FirstTransfer FirstTransfer, string AuthorizedAt)
{
    /// <summary>
    /// True when the first transfer has already happened for every unit of the instrument (authorization or
    /// issuance): the adjustment applies, and the units may no longer be used at home.
    /// </summary>
    public bool AdjustedOnAuthorization => FirstTransfer is FirstTransfer.Authorization or FirstTransfer.Issuance;
}
