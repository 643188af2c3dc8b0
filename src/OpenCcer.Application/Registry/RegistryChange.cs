using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Registry;

/// <summary>
/// What an accepted registry write did, as the API shows it: the kind of change (<see cref="Type"/>, the
/// journal's name for it) and the ids, figures and serial ranges it resolved. A view of the journal event,
/// not the event itself, so the journal's format can change without changing the API; the fields a change
/// does not have are null.
/// </summary>
public sealed record RegistryChange(string Type, DateTimeOffset At)
{
    public long? RegistryAccount { get; init; }
    public long? TradingAccount { get; init; }
    public long? Account { get; init; }
    public long? From { get; init; }
    public long? To { get; init; }
    public long? Issuance { get; init; }
    public long? Reservation { get; init; }
    public long? Freeze { get; init; }
    public long? Cancellation { get; init; }
    public string? CertificateNumber { get; init; }
    public string? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    public string? HolderType { get; init; }
    public string? State { get; init; }
    public string? ProjectCode { get; init; }
    public int? Vintage { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
    public string? Purpose { get; init; }
    public string? Beneficiary { get; init; }
    public string? AuthorityReference { get; init; }
    public IReadOnlyList<SerialRangeView>? Ranges { get; init; }

    public static RegistryChange Of(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            AccountOpened x => new("account_opened", x.At)
            {
                RegistryAccount = x.RegistryAccount.Value,
                TradingAccount = x.TradingAccount.Value,
                SubjectId = x.SubjectId,
                SubjectName = x.SubjectName,
                HolderType = Name(x.HolderType),
            },
            AccountStateChanged x => new("account_state_changed", x.At)
            {
                RegistryAccount = x.RegistryAccount.Value,
                TradingAccount = x.TradingAccount.Value,
                State = Name(x.State),
                Reason = x.Reason,
            },
            AccountFrozen x => new("account_frozen", x.At) { Account = x.Account.Value, AuthorityReference = x.AuthorityReference },
            AccountUnfrozen x => new("account_unfrozen", x.At) { Account = x.Account.Value, AuthorityReference = x.AuthorityReference },
            UnitsIssued x => new("units_issued", x.At)
            {
                Issuance = x.Issuance.Value,
                Reference = x.Reference,
                Account = x.Account.Value,
                ProjectCode = x.Instrument.ProjectCode,
                Vintage = x.Instrument.Vintage,
                Ranges = [new SerialRangeView(x.Issuance.Value, x.First, x.Last, x.Last - x.First + 1)],
            },
            UnitsTransferred x => new("units_transferred", x.At)
            {
                From = x.From.Value,
                To = x.To.Value,
                ProjectCode = x.Instrument.ProjectCode,
                Vintage = x.Instrument.Vintage,
                Reason = Name(x.Reason),
                AuthorityReference = x.AuthorityReference,
                Ranges = RangesOf(x.Ranges),
            },
            UnitsReserved x => new("units_reserved", x.At)
            {
                Reservation = x.Reservation.Value,
                Account = x.Account.Value,
                ProjectCode = x.Instrument.ProjectCode,
                Vintage = x.Instrument.Vintage,
                Purpose = x.Purpose,
                Ranges = RangesOf(x.Ranges),
            },
            ReservationReleased x => new("reservation_released", x.At) { Reservation = x.Reservation.Value, Ranges = RangesOf(x.Ranges) },
            ReservationSettled x => new("reservation_settled", x.At) { Reservation = x.Reservation.Value, To = x.To.Value, Ranges = RangesOf(x.Ranges) },
            UnitsCancelled x => new("units_cancelled", x.At)
            {
                Cancellation = x.Cancellation.Value,
                CertificateNumber = x.CertificateNumber,
                Account = x.Account.Value,
                ProjectCode = x.Instrument.ProjectCode,
                Vintage = x.Instrument.Vintage,
                Purpose = Name(x.Purpose),
                Beneficiary = x.Beneficiary,
                Reservation = x.Reservation?.Value,
                Ranges = RangesOf(x.Ranges),
            },
            UnitsFrozen x => new("units_frozen", x.At)
            {
                Freeze = x.Freeze.Value,
                Account = x.Account.Value,
                ProjectCode = x.Instrument.ProjectCode,
                Vintage = x.Instrument.Vintage,
                AuthorityReference = x.AuthorityReference,
                Ranges = RangesOf(x.Ranges),
            },
            UnitsUnfrozen x => new("units_unfrozen", x.At) { Freeze = x.Freeze.Value, AuthorityReference = x.AuthorityReference },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "A ledger event without an API view."),
        };
    }

    /// <summary>The quantity the change moved, held or released: the sum of its ranges.</summary>
    public long? QuantityTonnes => Ranges?.Sum(r => r.QuantityTonnes);

    private static List<SerialRangeView> RangesOf(IReadOnlyList<SerialRange> ranges) => ranges.Select(SerialRangeView.Of).ToList();

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Fields.Snake(value.ToString());
}
