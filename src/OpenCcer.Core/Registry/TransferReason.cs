namespace OpenCcer.Core.Registry;

/// <summary>
/// Why units move between accounts. Between holders only <see cref="Inheritance"/> and
/// <see cref="CourtEnforcement"/> are lawful outside trading (R 14, 16; M 25-26); trades settle through
/// reservations, not through this reason list.
/// </summary>
public enum TransferReason
{
    ToTrading = 1,
    FromTrading = 2,
    Inheritance = 3,
    CourtEnforcement = 4,
}
