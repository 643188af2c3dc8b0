using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Application.Registry;

/// <summary>
/// Reservations: units held for an order or a cancellation request, released back to available, or settled
/// (delivered) by the exchange. Reservations the exchange makes for its own books are the exchange's alone.
/// </summary>
public sealed class ReservationHandlers(RegistryEngine engine)
{
    public Task<Outcome<OperationView>> ReserveAsync(Caller caller, ReserveRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var account = r.Required("account_id", request.AccountId);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        var purpose = r.Required("purpose", request.Purpose);
        if (LedgerBridge.IsExchangePurpose(purpose))
            r.Fail("purpose", $"A purpose beginning with \"{LedgerBridge.PurposePrefix}\" is the exchange's; the exchange reserves units itself.");
        return RegistryWrites.SubmitAsync(engine, r, op, null, new ReserveUnits(new AccountId(account), instrument, quantity, purpose),
            ledger => Ownership.MustOwn(caller, ledger, account, exchangeMay: true), ct);
    }

    public Task<Outcome<OperationView>> ReleaseAsync(Caller caller, long reservationId, ReleaseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        long? quantity = request.QuantityTonnes is null ? null : r.Quantity("quantity_tonnes", request.QuantityTonnes);
        return RegistryWrites.SubmitAsync(engine, r, op, null, new ReleaseReservation(new ReservationId(reservationId), quantity),
            ledger => Ownership.MayRelease(caller, ledger, reservationId), ct);
    }

    /// <summary>Delivers reserved units to another trading account: the exchange (or the registry), never for the exchange's own reservations.</summary>
    public Task<Outcome<OperationView>> SettleAsync(Caller caller, long reservationId, SettleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var to = r.Required("to_account_id", request.ToAccountId);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var denied = caller.Role is Role.ExchangeOperator or Role.RegistryAdministrator ? null : Refusals.Forbidden("Only the exchange settles reservations.");
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new SettleReservation(new ReservationId(reservationId), new AccountId(to), quantity),
            ledger => Ownership.NotExchanges(ledger, reservationId), ct);
    }

    /// <summary>One reservation, for its account's owner, the registry, the exchange and the regulator.</summary>
    public async Task<Outcome<ReservationRow>> GetAsync(Caller caller, long reservationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var reservation = await engine.Store.Registry.ReservationAsync(reservationId, ct);
        if (reservation is null) return Refusals.Of(LedgerStatus.ReservationNotFound, $"No reservation {reservationId}.");
        if (caller.Role == Role.Regulator) return reservation;
        var owner = await engine.Store.Registry.AccountAsync(reservation.AccountId, ct);
        var denied = Ownership.MustOwn(caller, reservation.AccountId, exchangeMay: true, _ => owner?.SubjectId);
        return denied is null ? reservation : denied;
    }
}
